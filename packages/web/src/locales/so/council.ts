import type { Messages } from '../en';

/** Strings of the citywide council (DRAFT, see docs/I18N.md): golaha magaalada, wakiilada. */
export const council: Pick<Messages, 'council'> = {
  council: {
    title: 'Golaha magaalada',
    intro:
      'Guddi kasta oo xaafad ama goob shaqo ah wuxuu soo diraa wakiilo. Guddiyadu waxay wakiiladooda siiyaan amar qodob kasta, waxayna arkaan sida ay u codeeyeen.',
    back: 'Ku noqo golaha',
    next: {
      title: 'Shirka xiga ee golaha',
      none: 'Ma jiro shir gole oo la qorsheeyay.',
      from: 'ka yimid {{name}}',
    },
    mine: {
      title: 'Amarradayda wakiil ahaan (kuraasta: {{count}})',
      none: 'Guddiyadaadu weli kuma siin amar ajandahan.',
    },
    seats: {
      title: 'Kuraasta: {{count}}',
      rule: 'Guddi leh ugu yaraan {{minimum}} xubnood oo firfircoon wuxuu helaa kursi, iyo mid kale {{block}} kasta oo dheeraad ah.',
      weighted: 'Codku wuxuu tirsadaa mar kursi kasta.',
      count: 'kuraasta: {{count}}',
      vacant: 'Kuraasta bannaan: {{count}}',
      until: 'ilaa {{date}}',
    },
    kind: { neighborhood: 'Xaafad', workplace: 'Goob shaqo' },
    source: { election: 'la doortay', appointment: 'cod lagu magacaabay' },
    position: {
      for: 'Taageero',
      against: 'Diidmo',
      abstain: 'Ka aamusnaan',
      free: 'Cod xor ah',
    },
    choice: { yes: 'haa', no: 'maya', abstain: 'ka aamusnaan' },
    committees: {
      title: 'Guddiyadayda',
      link: '{{name}}: amarrada iyo warbixinta',
    },
    mandates: {
      title: 'Amarrada iyo warbixinta',
      intro:
        'Kadib marka guddigu ansixiyo mooshin, xoghayntiisa ama guddoomiyuhu waxay qoraan amarka qodob kasta oo golaha ah. Guddigan iyo wakiiladiisa oo keliya ayaa arka.',
      noneYet: 'amar ma jiro',
      needMotion: 'Amarku wuxuu u baahan yahay mooshin uu guddigu ansixiyay.',
      position: 'Amar',
      motion: 'Mooshinka la ansixiyay',
      note: 'Qoraal (ikhtiyaari)',
      save: 'Kaydi amarka',
    },
    report: {
      title: 'Warbixinta shirkii ugu dambeeyay ee golaha',
      none: 'Weli shir gole ah ma dhammaan.',
      vote: '{{name}} wuxuu codeeyay {{choice}}',
      noVote: 'waxba',
      against: 'Ka soo horjeeda amarka',
    },
    toCouncil: {
      title: 'Ajandaha golaha',
      send: 'U dir shirka xiga ee golaha',
      sent: 'Waxay ku jirtaa ajandaha golaha: {{title}}',
    },
    ratify: {
      title: 'Go’aamada golaha ee la ansixinayo',
      none: 'Hadda golaha kama codsanayo guddigan inuu wax ansixiyo.',
      yes: 'Ansixi',
      no: 'Diid',
    },
    decisions: {
      title: 'Go’aamada golaha ee loo dirayo ansixin',
      none: 'Go’aan kasta oo golaha waa loo diray guddiyada, ama weli ma jiraan.',
      share: 'Qaybta guddiyada loo baahan yahay (boqolkiiba)',
      shareHint: 'Banaan u dhaaf si loo helo aqlabiyadda guddiyada.',
      require: 'Codso ansixin',
    },
    ratification: {
      title: 'Ansixinta guddiyada',
      none: 'Ma jiro go’aan gole oo sugaya ansixin.',
      counts:
        'La ansixiyay: {{ratified}} · la diiday: {{rejected}} · sugaya: {{pending}} · loo baahan yahay: {{needed}}',
      state: {
        pending: 'sugaya',
        ratified: 'la ansixiyay: wuu dhaqan galay',
        rejected: 'la diiday',
      },
    },
  },
};
