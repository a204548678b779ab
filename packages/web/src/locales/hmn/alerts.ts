import type { Messages } from '../en';

/** Strings of the home feed, the live banner, notifications, push and the map. */
export const alerts: Pick<
  Messages,
  'home' | 'banner' | 'notification' | 'push' | 'map' | 'safety' | 'takeover'
> = {
  home: {
    title: 'Ceeb toom',
    empty: 'Tam sim no tsis muaj kev ceeb toom hauv koj cov zej zog.',
    emptyHint: 'Kev ceeb toom yuav tshwm ntawm no thaum cov neeg zej zog qhia tej yam.',
    noAreas:
      'Koj tseem tsis tau xaiv ib lub zej zog twg, yog li tsis muaj kev ceeb toom tuaj txog koj.',
    chooseAreas: 'Xaiv zej zog',
    report: 'Qhia txog yam koj pom',
    notifyAsk:
      'Koj puas xav tau ib qho lus ceeb toom hauv lub xov tooj no thaum muaj kev ceeb toom tuaj?',
    notifyOn: 'Qhib cov lus ceeb toom',
    notifyBlocked:
      'Cov lus ceeb toom raug thaiv rau lub vev xaib no. Koj tso cai tau hauv koj lub browser qhov chaw teeb tsa.',
    listLabel: 'Kev ceeb toom thiab xwm txheej, qhov tshiab tshaj ua ntej',
    reporters_one: '{{count}} tsab qhia',
    reporters_other: '{{count}} tsab qhia',
    noPlace: 'Tsis qhia qhov chaw',
    noActivity: 'Tau pom',
    loadFailed: 'Thauj tsis tau cov xwm txheej tshiab tshaj.',
    probation:
      'Koj yog tswv cuab tshiab: koj cov lus qhia yuav suav thaum muaj lwm tus tswv cuab lees paub koj.',
  },
  safety: {
    title: 'Ze koj',
    nothing: 'Tsis muaj dab tsi tab tom tshwm sim ze koj.',
    fromMe: '{{distance}} ntawm koj',
    fromPlace: '{{distance}} ntawm ib qho chaw koj khaws cia',
    inAreas: 'Hauv koj cov zej zog',
    asOf: 'Qhov xwm txheej kawg uas paub, thaum {{time}}.',
    unknown:
      'Tseem tsis tau paub: lub xov tooj no tsis tau khaws dab tsi. Nws yuav hloov tshiab thaum muaj network rov qab.',
  },
  takeover: {
    title: 'Lees paub lawm, ze koj',
    distance: 'Kwv yees li {{distance}} ntawm koj',
    advice: 'Nyob twj ywm. Tsis txhob qhib qhov rooj. Paub koj txoj cai.',
    open: 'Qhib qhov xwm txheej',
    dismiss: 'Kuv pom lawm',
    sound: 'Nrov suab thaum muaj kev ceeb toom lees paub ze kuv',
  },
  banner: {
    label: 'Kev ceeb toom tshiab',
    open: 'Qhib',
    dismiss: 'Kaw',
  },
  notification: {
    title: 'Tocsin: {{state}}',
    body: '{{place}}: qhib Tocsin saib ntxiv.',
  },
  push: {
    title: 'Kev ceeb toom thaum Tocsin kaw',
    intro:
      'Koj lub xov tooj yuav raug tsa thaum muaj kev ceeb toom tshiab txawm Tocsin kaw lawm. Tsab xov tsis muaj ntsiab lus: koj pom thaum koj qhib lub app.',
    enable: 'Qhib',
    disable: 'Kaw',
    on: 'Qhib rau lub xov tooj no lawm.',
    off: 'Kaw rau lub xov tooj no.',
    unavailable: 'Lub server no tsis xa kev ceeb toom thaum lub app kaw.',
    unsupported: 'Lub browser no txais tsis tau kev ceeb toom thaum lub app kaw.',
  },
  map: {
    show: 'Qhia daim duab qhia chaw',
    hide: 'Zais daim duab qhia chaw',
    incident: 'Daim duab qhia chaw ntawm qhov xwm txheej thiab cov zej zog',
    feed: 'Daim duab qhia chaw ntawm kev ceeb toom',
    pick: 'Xaiv ntawm daim duab qhia chaw',
    pickHint: 'Nias daim duab qhia chaw qhov twg nws tshwm sim.',
    picked: 'Xaiv qhov chaw ntawm daim duab lawm.',
    pickLabel: 'Daim duab qhia chaw: nias kom xaiv qhov chaw',
  },
};
