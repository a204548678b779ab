/** English strings of the welcome and join screens. */
export const onboarding = {
  welcome: {
    title: 'Welcome to Tocsin',
    intro:
      'Tocsin lets neighbors warn each other when immigration agents are nearby. You join through an invite link from someone you know.',
    noInvite: 'To join, ask a member you trust for an invite link and open it on this phone.',
    haveAccount: 'Already a member?',
    deviceLogin: "Log in with this phone's key",
    passkeyLogin: 'Log in with a passkey',
    recoveryTitle: 'Lost your phone or your key?',
    recoveryLabel: 'Recovery code',
    recoveryHint: 'One of the ten codes you saved when you joined, like 7KQ2-MXW4-PD9T-R3HE.',
    recoveryHandle: 'Your nickname (like quiet-heron-4821)',
    recoverySubmit: 'Use this recovery code',
    offline: 'You are offline. Connect to the internet to log in.',
    working: 'One moment…',
  },
  join: {
    title: 'Join Tocsin',
    step: 'Step {{step}} of 3',
    intro:
      'A neighbor invited you. Your account has no name, phone number or email, only a random nickname.',
    missingCode: 'This link has no invite code. Open the whole link you were sent.',
    create: 'Create my account',
    passkeyInfo:
      'Your phone will ask for your fingerprint, face or screen lock to make a passkey for Tocsin.',
    deviceKeyInfo: 'A secret key will be made for your account and kept on this phone only.',
    useDeviceKey: 'Use a key kept on this phone instead',
    creating: 'Creating your account…',
    created: 'Your account is ready. Your nickname is {{handle}}.',
    codesTitle: 'Save your recovery codes',
    codesIntro:
      'If you lose this phone, these codes are the only way back into your account. Each code works once. They are shown only this one time.',
    codesAdvice: 'Write them on paper and keep the paper somewhere safe, away from this phone.',
    codesHandle:
      'Write your nickname {{handle}} next to them: you need the nickname and one code to get back in.',
    codesLabel: 'Your recovery codes',
    copy: 'Copy the codes',
    copied: 'Copied. Paste them somewhere safe, then delete them from the clipboard.',
    saved: 'I saved these codes somewhere safe',
    continue: 'Continue',
    prefsTitle: 'Language and alerts',
    prefsIntro:
      'Choose your language and the neighborhoods you want alerts for. You can change this later in Settings.',
    finish: 'Save and start',
    skip: 'Skip for now',
    notifyNotNow: 'Not now',
    notifyLater: 'You can turn them on later in Settings.',
    notifyFailed: 'Notifications could not be turned on. You can try again later in Settings.',
    signedIn: 'You are already logged in on this phone.',
  },
};
