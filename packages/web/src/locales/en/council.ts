/** English strings of the citywide council: seats, delegates, mandates, report-back, ratification. */
export const council = {
  council: {
    title: 'Citywide council',
    intro:
      'Each neighborhood and workplace committee sends delegates. Committees mandate their delegates on each item and see how they voted.',
    back: 'Back to the council',
    next: {
      title: 'Next council meeting',
      none: 'No council meeting is scheduled.',
      from: 'from {{name}}',
    },
    mine: {
      title: 'My mandates as a delegate (seats: {{count}})',
      none: 'Your committees have not mandated you on this agenda yet.',
    },
    seats: {
      title: 'Seats: {{count}}',
      rule: 'A committee with at least {{minimum}} active members has a seat, and one more for every further {{block}}.',
      weighted: 'Votes count once per seat held.',
      count: 'seats: {{count}}',
      vacant: 'Vacant seats: {{count}}',
      until: 'until {{date}}',
    },
    kind: { neighborhood: 'Neighborhood', workplace: 'Workplace' },
    source: { election: 'elected', appointment: 'appointed by vote' },
    position: {
      for: 'For',
      against: 'Against',
      abstain: 'Abstain',
      free: 'Free vote',
    },
    choice: { yes: 'yes', no: 'no', abstain: 'abstain' },
    committees: {
      title: 'My committees',
      link: '{{name}}: mandates and report-back',
    },
    mandates: {
      title: 'Mandates and report-back',
      intro:
        'After the committee carries a motion, its secretary or chair records the mandate for each council item. Only this committee and its delegates see them.',
      noneYet: 'no mandate',
      needMotion: 'A mandate needs a motion the committee carried.',
      position: 'Mandate',
      motion: 'Carried motion',
      note: 'Note (optional)',
      save: 'Save mandate',
    },
    report: {
      title: 'Report-back from the last council meeting',
      none: 'No council meeting has closed yet.',
      vote: '{{name}} voted {{choice}}',
      noVote: 'nothing',
      against: 'Against the mandate',
    },
    toCouncil: {
      title: "To the council's agenda",
      send: 'Send to the next council meeting',
      sent: 'On the council agenda: {{title}}',
    },
    ratify: {
      title: 'Council decisions to ratify',
      none: 'The council asks this committee to ratify nothing now.',
      yes: 'Ratify',
      no: 'Reject',
    },
    decisions: {
      title: 'Council decisions to send for ratification',
      none: 'Every council decision has been sent to the committees, or there are none yet.',
      share: 'Share of committees needed (percent)',
      shareHint: 'Leave empty for a majority of the committees.',
      require: 'Require ratification',
    },
    ratification: {
      title: 'Ratification by the committees',
      none: 'No council decision awaits ratification.',
      counts:
        'Ratified: {{ratified}} · rejected: {{rejected}} · pending: {{pending}} · needed: {{needed}}',
      state: { pending: 'pending', ratified: 'ratified: in effect', rejected: 'rejected' },
    },
  },
};
