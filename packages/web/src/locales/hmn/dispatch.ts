import type { Messages } from '../en';

/** Strings of the dispatcher console and plate checks. */
export const dispatch: Pick<Messages, 'console' | 'plates'> = {
  console: {
    title: 'Chaw xa neeg',
    queue_one: '{{count}} qhov xwm txheej qhib',
    queue_other: '{{count}} qhov xwm txheej qhib',
    empty: 'Tsis muaj xwm txheej qhib hauv koj cov cheeb tsam.',
    detail: 'Qhov xwm txheej xaiv',
    pick: 'Xaiv ib qhov xwm txheej hauv daim ntawv.',
    independent_one: '{{count}} tus neeg qhia uas tsis txheeb',
    independent_other: '{{count}} tus neeg qhia uas tsis txheeb',
    notSeen_one: '{{count}} tus kuaj xyuas tsis pom',
    notSeen_other: '{{count}} tus kuaj xyuas tsis pom',
    going: 'Leej twg mus',
    nobodyGoing: 'Tseem tsis tau muaj leej twg txais.',
    reports: 'Cov tsab qhia',
    mergeTitle: 'Puas yog tib qho xwm txheej li lwm qhov?',
    mergeInto: 'Muab ua ke nrog',
    mergePick: 'Xaiv qhov xwm txheej uas nws rov qab hais',
    merge: 'Muab ua ke',
    sound: 'Suab nrov thaum muaj xwm txheej tshiab',
    newIncident: 'Xwm txheej tshiab: {{what}}',
    mapTitle: 'Daim ntawv qhia chaw',
    mapLabel:
      'Daim ntawv qhia chaw ntawm cov xwm txheej qhib ({{count}}) thiab cov neeg teb uas ua hauj lwm ({{responders}})',
    cell: '{{handle}} (thaj chaw kwv yees)',
    cellsHint:
      'Kab xiav: cov neeg teb uas ua hauj lwm, txhua tus tsuas qhia ua thaj chaw kwv yees xwb.',
    mergeMarked: 'Muab ob qho uas xaiv los ua ke',
    mergeHint: 'Kos ob qho xwm txheej uas yog tib yam: qhov tshiab koom rau qhov qub.',
    mark: 'Xaiv los muab ua ke: {{what}}',
    sendTitle: 'Xa cov neeg teb',
    nobodySent: 'Tseem tsis tau xa leej twg.',
    responder: 'Tus neeg teb uas ua hauj lwm',
    responderPick: 'Xaiv ib tus neeg teb',
    send: 'Xa',
    standDown: 'Hu {{handle}} rov qab',
    noResponders: 'Tsis muaj tus neeg teb ua hauj lwm hauv koj thaj chaw.',
    keysTitle: 'Cov yuam sij luv ntawm keyboard',
    keys: {
      j: 'Xwm txheej tom ntej',
      k: 'Xwm txheej dhau los',
      x: 'Xaiv xwm txheej los muab ua ke',
      m: 'Muab ob qho uas xaiv los ua ke',
      d: 'Xaiv tus neeg teb los xa',
      v: 'Lees paub xwm txheej',
      e: 'Nyab xeeb lawm: kaw xwm txheej',
      s: 'Qhib los yog kaw suab',
    },
  },
  plates: {
    title: 'Kuaj daim ntawv tsheb (plate)',
    intro:
      'Saib seb daim ntawv tsheb puas tau pom ntawm tej xwm txheej uas cov neeg kuaj xyuas lees paub lawm.',
    label: 'Daim ntawv tsheb (plate)',
    hint: 'Piv txwv: MN ABC 123. Qhov chaw khoob thiab cov kab txuas tsis tseem ceeb.',
    invalid: 'Qhov no tsis zoo li daim ntawv tsheb. Kuaj cov ntawv thiab cov lej dua.',
    check: 'Kuaj',
    checking: 'Tab tom kuaj…',
    limits: 'Kev kuaj muaj txwv ib teev, kom tsis muaj leej twg theej tau daim ntawv teev.',
    listedTitle: 'Muaj nyob hauv daim ntawv teev',
    listed_one: '{{plate}} tau pom ntawm {{count}} xwm txheej uas lees paub lawm.',
    listed_other: '{{plate}} tau pom ntawm {{count}} xwm txheej uas lees paub lawm.',
    lastSeen: 'Pom zaum kawg',
    areas: 'Qhov twg',
    listedAdvice:
      'Nyob deb ntawm lub tsheb thiab tsis txhob raws nws qab. Yog koj pom tub ceev xwm, qhia los.',
    notListedTitle: 'Tsis muaj nyob hauv daim ntawv teev',
    notListed: '{{plate}} tsis muaj nyob hauv daim ntawv teev.',
    notListedMeaning:
      'Qhov no tsis qhia tias lub tsheb puas muaj kev nyab xeeb. Tsuas yog cov plate uas pom ntawm xwm txheej lees paub lawm thiab ob tus neeg kuaj xyuas pom zoo thiaj nyob hauv daim ntawv teev, yog li feem ntau cov tsheb tsis nyob hauv.',
    rateLimited_one:
      'Koj twb kuaj ntau daim tsheb hauv ib teev dhau los. Koj rov kuaj tau li {{count}} feeb tom ntej ({{time}}).',
    rateLimited_other:
      'Koj twb kuaj ntau daim tsheb hauv ib teev dhau los. Koj rov kuaj tau li {{count}} feeb tom ntej ({{time}}).',
    closedTitle: 'Tseem tsis tau qhib rau koj',
    probation:
      'Kev kuaj plate yuav qhib thaum muaj lwm tus tswv cuab lees paub koj lossis tus npaj koom haum pom zoo koj. Lub sijhawm no koj tseem qhia tau yam koj pom, suav nrog cov plate.',
    suspended: 'Koj tus account raug ncua, yog li koj kuaj tsis tau plate.',
    approveTitle: 'Cov plate uas pom ntawm xwm txheej no',
    approveIntro:
      'Ib daim plate yuav nkag rau hauv daim ntawv teev thaum xwm txheej lees paub lawm thiab ob tus neeg kuaj xyuas sib txawv pom zoo. Tsuas pom zoo daim plate uas koj ntseeg tias nyeem raug xwb.',
    approve: 'Pom zoo {{plate}}',
    approvals_one:
      'Pom zoo lawm. Muaj {{count}} tus pom zoo lawm: tseem xav tau ib tus neeg kuaj xyuas ntxiv.',
    approvals_other: 'Pom zoo lawm. Muaj {{count}} tus pom zoo lawm.',
    nowListed: 'Pom zoo lawm. Daim plate no nyob hauv daim ntawv teev lawm.',
  },
};
