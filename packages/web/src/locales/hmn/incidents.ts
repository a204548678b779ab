import type { Messages } from '../en';

/** Strings of the incident page. */
export const incidents: Pick<Messages, 'incident'> = {
  incident: {
    title: 'Xwm txheej',
    back: 'Rov qab mus rau kev ceeb toom',
    area: 'Zej zog',
    firstReport: 'Tsab qhia thawj',
    lastReport: 'Tsab qhia kawg',
    confirmedAt: 'Lees paub lawm',
    closedAt: 'Xaus lawm',
    timeline: 'Yam tau tshwm sim',
    kind: {
      opened: 'Tsab qhia thawj',
      report: 'Lwm tsab qhia',
      confirmed: 'Lees paub lawm',
      not_seen: 'Kuaj xyuas lawm: tsis pom',
      false_alarm: 'Cim tias yog ceeb toom cuav',
      all_clear: 'Nyab xeeb lawm',
      auto_end: 'Xaus lawm: ntev tsis muaj xov tshiab',
      merged_into: 'Muab ua ke nrog lwm qhov xwm txheej',
      absorbed: 'Lwm tsab qhia ntawm tib qho xwm txheej tau koom nrog',
    },
    by: 'los ntawm {{role}}',
    role: {
      member: 'ib tus tswv cuab',
      verifier: 'ib tus kuaj xyuas',
      dispatcher: 'ib tus xa neeg',
      responder: 'ib tus teb',
      admin: 'ib tus thawj coj',
      system: 'Tocsin',
    },
    whatToDo: 'Yuav ua li cas',
    hotline: 'Xov tooj pab ceev',
    call: 'Hu {{phone}}',
    needsReview:
      'Cov lus no yog daim ntawv qauv: tseem yuav tsum muaj ib tus neeg hais lus no los yog kws lij choj saib dua.',
    notFound: 'Tsis muaj qhov xwm txheej no, los yog koj pom tsis tau.',
    merged: 'Qhov xwm txheej no tau muab ua ke nrog lwm qhov.',
    openMerged: 'Qhib lwm qhov xwm txheej',
    live: 'Nplooj ntawv no hloov tshiab nws tus kheej.',
    verifyTitle: 'Kuaj xyuas',
    verifyIntro: 'Txhua tus neeg tau txais kev ceeb toom yuav paub yam koj xaiv.',
    confirmRecorded:
      'Koj qhov lees paub tau sau tseg lawm. Nws yuav dhau los ua LEES PAUB LAWM thaum tus kuaj xyuas thib ob, uas tsis txuas nrog koj thiab cov neeg qhia, lees paub thiab.',
    confirm: 'Lees paub: muaj tiag',
    falseAlarm: 'Ceeb toom cuav',
    notSeen: 'Tsis pom',
    end: 'Nyab xeeb lawm: dhau lawm',
    sure: 'Koj puas paub tseeb? “{{action}}”',
  },
};
