/** English strings of the devices and vouching screens. */
export const trust = {
  devices: {
    title: 'Your devices',
    link: 'Your devices and keys',
    intro:
      'The phones and passkeys that can log in to your account. If a phone is lost or taken, remove it here. Without any of your devices, use your nickname and a recovery code on another phone: that removes every old device.',
    listLabel: 'Devices that can log in',
    kind: {
      device_key: 'Phone key',
      passkey: 'Passkey',
    },
    added: 'Added {{day}}',
    lastUsed: 'last used {{day}}',
    neverUsed: 'not used yet',
    current: 'this device',
    revokeShort: 'Remove',
    revoke: 'Remove {{name}}',
    revokeSure: 'Remove {{name}}? It will not be able to log in again.',
    revokeConfirm: 'Yes, remove it',
    revoked: 'Removed. It cannot log in any more.',
    none: 'No devices.',
    everywhere: 'Log out everywhere',
    everywhereHint:
      'Ends every session and removes every other phone and passkey. This device stays and can log in again.',
    everywhereSure: 'Log out everywhere and remove every other device?',
    back: 'Back to settings',
  },
  vouch: {
    title: 'Vouch in person',
    link: 'Vouch in person',
    myCodeTitle: 'Your code',
    myCodeIntro:
      'Show this to an active member who knows you. When they scan it and vouch for you, you become an active member.',
    myCodeLabel: 'QR code with your nickname {{handle}}',
    scanTitle: 'Vouch for someone',
    scanIntro:
      'Only vouch for someone you know, face to face. Scan the code on their phone, or type the nickname under it.',
    scan: 'Scan their code',
    stopScan: 'Stop the camera',
    cameraLabel: 'Camera',
    noCamera: 'The camera cannot be used here. Type the nickname shown under their code instead.',
    handle: 'Their nickname',
    submit: 'Vouch for this member',
    done: '{{handle}} is now an active member.',
    notActive: 'Once another member has vouched for you, you can vouch for others too.',
  },
};
