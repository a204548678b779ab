/** Strings of the account tools in settings: display name, new recovery codes. Loaded with them. */
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
  },
};
