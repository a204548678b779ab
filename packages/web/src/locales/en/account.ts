/** Strings of the account tools in settings: display name, new recovery codes, passkeys, neighborhoods. Loaded with them. */
export const account = {
  account: {
    nameLabel: 'Your name for other members (optional)',
    nameHint:
      'Shown in meetings and groups next to your nickname. Leave it empty to be known by your nickname only.',
    nameSave: 'Save name',
    nameSaved: 'Name saved.',
    codesTitle: 'Recovery codes',
    codesHint:
      'Lost the paper, or used some codes? Make ten new ones. The codes you saved before stop working at once.',
    codesNew: 'Make new recovery codes',
    codesSure: 'Make new codes? The codes you saved before will stop working.',
    codesDone: 'Your new recovery codes. The old ones no longer work.',
    passkeyTitle: 'Passkeys',
    passkeyHint:
      'A passkey lets you log in with your fingerprint, face or screen lock. Add one to get back in without a recovery code.',
    passkeyAdd: 'Add a passkey',
    passkeyAdded: 'Passkey added. It is listed with your devices.',
    passkeyUnavailable: 'This phone cannot make a passkey.',
    areasTitle: 'Neighborhoods you belong to',
    areasHint:
      'Members of a neighborhood take part in its meetings, groups and votes. Which alerts you get is chosen under Alerts.',
    areasNone: 'You do not belong to any neighborhood yet.',
    joinLabel: 'Join a neighborhood',
    joinPick: 'Choose a neighborhood',
    join: 'Join',
    joined: 'You joined {{name}}.',
    leave: 'Leave',
    leaveNamed: 'Leave {{name}}',
    leaveSure: 'Leave {{name}}? Any role you hold there ends.',
    left: 'You left {{name}}.',
  },
};
