import type { Messages } from '../en';

/** Strings of the app shell, navigation, errors, incident states and times. */
export const common: Pick<
  Messages,
  'app' | 'nav' | 'together' | 'language' | 'errors' | 'state' | 'stateHint' | 'alertKind' | 'time'
> = {
  app: {
    name: 'Tocsin',
    tagline: 'Cov neeg zej zog ceeb toom rau ib leeg',
    skip: 'Hla mus rau qhov tseem ceeb',
    loading: 'Tab tom thauj…',
    connection: 'Kev sib txuas',
    status: {
      live: 'Txuas lawm',
      connecting: 'Tab tom txuas…',
      offline: 'Tsis muaj internet',
      unauthorized: 'Tawm lawm',
      stopped: 'Tsis tau txuas',
    },
    updateReady: 'Tocsin tshiab npaj txhij lawm.',
    updateNow: 'Hloov tshiab',
    notFound: 'Tsis muaj nplooj ntawv no.',
    goHome: 'Mus rau cov lus ceeb toom',
    crashed: 'Muaj ib yam tsis zoo ntawm nplooj ntawv no.',
    reload: 'Thauj dua',
    yes: 'Yog',
    cancel: 'Tsis ua',
    close: 'Kaw',
  },
  nav: {
    label: 'Tseem ceeb',
    home: 'Ceeb toom',
    report: 'Qhia',
    console: 'Xa neeg',
    respond: 'Teb',
    settings: 'Chaw teeb tsa',
    plates: 'Daim tsheb',
    meetings: 'Rooj sib tham',
    organize: 'Npaj koom haum',
    together: 'Ua ke',
    tools: 'Cuab yeej',
    toolsMenu: 'Cuab yeej ntawm koj txoj hauj lwm',
  },
  together: {
    title: 'Koom haum ua ke',
    meetings: 'Pawg neeg lub rooj sib tham, kev txiav txim siab thiab kev xaiv tsa',
    campaigns: 'Cog lus tawm tsam uas tsuas yog siv thaum muaj neeg kos npe txaus',
    canvass: 'Thaj chaw khob qhov rooj thiab qhov lawv hais',
    aid: 'Thov kev pab lossis muab kev pab, zais cia',
    council: 'Pawg sab laj hauv nroog: rooj zaum, cov neeg sawv cev thiab lawv cov lus txib',
  },
  language: {
    label: 'Lus',
  },
  errors: {
    network: 'Txuas tsis tau rau lub server. Saib koj lub internet thiab sim dua.',
    unauthorized: 'Koj tau tawm lawm. Nkag dua.',
    forbidden: 'Koj tsis raug tso cai ua qhov no.',
    not_found: 'Nrhiav tsis tau. Tej zaum twb muab tshem lawm, los yog koj pom tsis tau.',
    invite_invalid:
      'Txoj kab txuas caw no siv tsis tau: twb siv lawm, raug muab rho tawm, los yog laus dhau lawm. Thov tus neeg uas caw koj xa ib txoj tshiab.',
    rate_limited: 'Sim ntau dhau lawm. Tos ib feeb, ces sim dua.',
    validation_failed: 'Thov saib dua yam koj sau ({{detail}}).',
    login_failed: 'Nkag tsis tau. Sim dua, los yog siv tus lej rov qab nkag.',
    recovery_failed: 'Tus lej rov qab nkag no siv tsis tau. Saib dua, los yog sim lwm tus.',
    credential_taken: 'Tus yuam sij no twb sau npe lawm. Sim dua.',
    passkey_rejected: 'Tus yuam sij nkag (passkey) tsis raug txais. Sim dua.',
    probation:
      'Cov tswv cuab tshiab tseem ua tsis tau qhov no. Yuav tsum muaj lwm tus tswv cuab lees paub koj ua ntej.',
    incident_closed: 'Qhov xwm txheej no twb kaw lawm.',
    unavailable: 'Lub server tsis khoom. Sim dua me ntsis ntxiv.',
    server: 'Lub server muaj teeb meem. Sim dua me ntsis ntxiv.',
    unknown: 'Muaj ib yam tsis zoo ({{detail}}).',
    passkey_cancelled: 'Tsis tau tsim los yog siv tus yuam sij nkag. Koj sim tau dua.',
    key_unsupported:
      'Lub browser no tsim tsis tau tus yuam sij ruaj ntseg. Hloov koj lub browser tshiab, los yog siv lwm lub.',
    organizer_only: 'Tsuas yog tus npaj koom haum ntawm cheeb tsam no thiaj ua tau qhov no.',
    members_only: 'Koom cheeb tsam no ua ntej mam li pom nws cov pab pawg ua haujlwm.',
    sponsor_cannot_vouch:
      'Koj yog tus caw tus tswv cuab no, yog li yuav tsum muaj lwm tus tswv cuab lees paub nws. Koj ua tus npaj koom haum, koj pom zoo tau nws.',
    not_on_probation: 'Tus tswv cuab no tsis tos kev pom zoo lawm.',
    not_suspended: 'Tus tswv cuab no tsis raug ncua.',
    invite_quota:
      'Koj twb ua tag nrho cov ntawv caw uas koj ua tau lawm. Rov sim dua ob peb hnub tom ntej.',
    invite_gone:
      'Daim ntawv caw rau lub rooj sib tham no siv tag lawm, raug thim lawm los yog tas sij hawm lawm. Thov tus npaj ib daim tshiab.',
    invite_attempts:
      'Muaj ntau tus lej caw uas tsis siv tau los ntawm lub network no. Tos ib feeb, ces sim dua.',
    recovery_locked:
      'Muaj ntau tus lej rov qab tsis raug rau lub npe no. Tos, ces sim dua tom qab.',
    plate_lookup_rate_limited:
      'Koj twb kuaj ntau daim tsheb hauv ib teev dhau los. Rov sim dua tom qab.',
    self_grant:
      'Tsis muaj leej twg muab tau txoj haujlwm rau nws tus kheej lossis kos npe rau nws tus kheej.',
    sponsor_grant:
      'Koj caw tus tswv cuab no, yog li koj thov tsis tau thiab kos npe tsis tau rau nws txoj haujlwm. Yuav tsum yog lwm tus neeg npaj.',
    same_granter:
      'Koj thov txoj haujlwm no: yuav tsum muaj tus neeg npaj lossis tus thawj thib ob kos npe.',
    admin_only: 'Tsuas yog tus thawj thiaj muab tau lossis tshem tau txoj haujlwm thawj.',
    last_admin: 'Lub nroog yuav tsum muaj tsawg kawg ib tug thawj.',
    admin_role_first:
      'Ua ntej tshem nws txoj hauj lwm thawj (lwm tus thawj yuav tsum pom zoo), ces mam ncua nws.',
    grant_expired: 'Txoj haujlwm no tos ntev tshaj 72 teev thiab tas sij hawm lawm. Thov dua.',
    grant_decided: 'Txoj haujlwm no twb txiav txim lawm.',
    countersign_required:
      'Caw nws ua tus tswv cuab lossis tus teb xwm txheej. Lwm txoj haujlwm yuav tsum muaj tus neeg npaj thib ob kos npe.',
  },
  state: {
    reported: 'TAU QHIA',
    corroborated: 'TSIS TAU LEES PAUB',
    confirmed: 'LEES PAUB LAWM',
    false_alarm: 'CEEB TOOM CUAV',
    ended: 'NYAB XEEB LAWM',
    merged: 'MUAB UA KE',
  },
  stateHint: {
    reported:
      'Tam sim no muaj ib tsab qhia xwb. Tos tus neeg zej zog thib ob los yog tus kuaj xyuas.',
    corroborated: 'Tsawg kawg ob tus neeg zej zog tau qhia. Tseem tsis tau kuaj xyuas.',
    confirmed: 'Ob tug kuaj xyuas uas tsis txuas nrog lawv tau lees paub lawm.',
    false_alarm: 'Kuaj xyuas lawm: qhov no yog kev ceeb toom cuav.',
    ended: 'Dhau lawm.',
    merged: 'Muab ua ke nrog lwm tsab qhia ntawm tib qho xwm txheej.',
  },
  alertKind: {
    reported: 'Tsab qhia tshiab yuav tsum kuaj xyuas',
    unconfirmed: 'Tau pom, tseem tsis tau lees paub',
    confirmed: 'Tau pom, lees paub lawm',
    retraction: 'Ceeb toom cuav',
    all_clear: 'Nyab xeeb lawm',
    update: 'Xov tshiab',
  },
  time: {
    justNow: 'tam sim no',
    minutesAgo_one: '{{count}} feeb dhau los',
    minutesAgo_other: '{{count}} feeb dhau los',
    hoursAgo_one: '{{count}} teev dhau los',
    hoursAgo_other: '{{count}} teev dhau los',
    daysAgo_one: '{{count}} hnub dhau los',
    daysAgo_other: '{{count}} hnub dhau los',
  },
};
