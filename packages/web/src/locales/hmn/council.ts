import type { Messages } from '../en';

/** Strings of the citywide council (DRAFT, see docs/I18N.md): pawg sab laj lub nroog, cov neeg sawv cev. */
export const council: Pick<Messages, 'council'> = {
  council: {
    title: 'Pawg sab laj hauv nroog',
    intro:
      'Txhua pawg neeg zej zog thiab chaw ua haujlwm xa neeg sawv cev. Cov pawg neeg muab lus txib rau lawv cov neeg sawv cev txog txhua yam thiab pom tias lawv pov npav li cas.',
    back: 'Rov qab mus rau pawg sab laj',
    next: {
      title: 'Lub rooj sib tham tom ntej',
      none: 'Tsis muaj rooj sib tham teem tseg.',
      from: 'los ntawm {{name}}',
    },
    mine: {
      title: 'Kuv cov lus txib ua neeg sawv cev (rooj zaum: {{count}})',
      none: 'Koj cov pawg neeg tseem tsis tau muab lus txib rau koj txog daim ntawv teev no.',
    },
    seats: {
      title: 'Rooj zaum: {{count}}',
      rule: 'Ib pawg neeg uas muaj tsawg kawg {{minimum}} tus tswv cuab tau ib lub rooj zaum, thiab ib lub ntxiv rau txhua {{block}} tus ntxiv.',
      weighted: 'Txhua lub rooj zaum suav ib lub suab.',
      count: 'rooj zaum: {{count}}',
      vacant: 'Rooj zaum khoob: {{count}}',
      until: 'txog {{date}}',
    },
    kind: { neighborhood: 'Zej zog', workplace: 'Chaw ua haujlwm' },
    source: { election: 'raug xaiv tsa', appointment: 'raug tsa los ntawm kev pov npav' },
    position: {
      for: 'Pom zoo',
      against: 'Tawm tsam',
      abstain: 'Tsis pov npav',
      free: 'Pov npav ywj pheej',
    },
    choice: { yes: 'pom zoo', no: 'tsis pom zoo', abstain: 'tsis pov npav' },
    committees: {
      title: 'Kuv cov pawg neeg',
      link: '{{name}}: lus txib thiab daim ntawv qhia',
    },
    mandates: {
      title: 'Lus txib thiab daim ntawv qhia',
      intro:
        'Thaum pawg neeg pom zoo ib qho kev thov, tus tuav ntaub ntawv lossis tus thawj sau cov lus txib rau txhua yam ntawm pawg sab laj. Tsuas yog pawg neeg no thiab nws cov neeg sawv cev thiaj pom.',
      noneYet: 'tsis muaj lus txib',
      needMotion: 'Lus txib yuav tsum muaj ib qho kev thov uas pawg neeg tau pom zoo.',
      position: 'Lus txib',
      motion: 'Kev thov uas tau pom zoo',
      note: 'Lus sau (yog xav tau)',
      save: 'Khaws lus txib',
    },
    report: {
      title: 'Daim ntawv qhia txog lub rooj sib tham zaum kawg',
      none: 'Tseem tsis tau muaj rooj sib tham twg xaus.',
      vote: '{{name}} pov npav {{choice}}',
      noVote: 'tsis muaj dab tsi',
      against: 'Tawm tsam lus txib',
    },
    toCouncil: {
      title: 'Mus rau pawg sab laj cov txheej txheem',
      send: 'Xa mus rau lub rooj sib tham tom ntej ntawm pawg sab laj',
      sent: 'Nyob hauv pawg sab laj cov txheej txheem: {{title}}',
    },
    ratify: {
      title: 'Pawg sab laj cov kev txiav txim siab kom pom zoo',
      none: 'Tam sim no pawg sab laj tsis thov pawg neeg no pom zoo dab tsi.',
      yes: 'Pom zoo',
      no: 'Tsis lees',
    },
    decisions: {
      title: 'Pawg sab laj cov kev txiav txim siab xa mus kom pom zoo',
      none: 'Txhua qhov kev txiav txim siab twb xa mus rau cov pawg neeg lawm, lossis tseem tsis tau muaj.',
      share: 'Feem pua ntawm cov pawg neeg uas xav tau',
      shareHint: 'Tso khoob yog xav tau ntau dua ib nrab ntawm cov pawg neeg.',
      require: 'Thov kom pom zoo',
    },
    ratification: {
      title: 'Kev pom zoo los ntawm cov pawg neeg',
      none: 'Tsis muaj kev txiav txim twg tos kev pom zoo.',
      counts:
        'Pom zoo: {{ratified}} · tsis lees: {{rejected}} · tos: {{pending}} · xav tau: {{needed}}',
      state: { pending: 'tos', ratified: 'pom zoo lawm: siv tau', rejected: 'tsis lees' },
    },
  },
};
