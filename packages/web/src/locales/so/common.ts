import type { Messages } from '../en';

/** Strings of the app shell, navigation, errors, incident states and times. */
export const common: Pick<
  Messages,
  'app' | 'nav' | 'together' | 'language' | 'errors' | 'state' | 'stateHint' | 'alertKind' | 'time'
> = {
  app: {
    name: 'Tocsin',
    tagline: 'Deris u digaya deris',
    skip: 'U bood qaybta ugu muhiimsan',
    loading: 'Waa la soo rarayaa…',
    connection: 'Xiriirka',
    status: {
      live: 'Toos',
      connecting: 'Waa la xiriirayaa…',
      offline: 'Internet ma jiro',
      unauthorized: 'Waad ka baxday',
      stopped: 'Ma xiriirsana',
    },
    updateReady: 'Nooc cusub oo Tocsin ah ayaa diyaar ah.',
    updateNow: 'Cusboonaysii',
    notFound: 'Boggan ma jiro.',
    goHome: 'U gudub digniinaha',
    crashed: 'Wax baa ka khaldamay shaashaddan.',
    reload: 'Dib u soo rar',
    yes: 'Haa',
    cancel: 'Jooji',
    close: 'Xir',
  },
  nav: {
    label: 'Muhiim',
    home: 'Digniinaha',
    report: 'Soo sheeg',
    console: 'Dirista',
    respond: 'Jawaab',
    settings: 'Dejinta',
    plates: 'Taarikada',
    meetings: 'Shirarka',
    organize: 'Abaabul',
    together: 'Wadajir',
    tools: 'Qalab',
    toolsMenu: 'Qalabka doorkaaga',
  },
  together: {
    title: 'Abaabul wadajir ah',
    meetings: "Shirarka, go'aannada iyo doorashooyinka guddiyada",
    campaigns: 'Ballanqaadyo shaqo-joojin oo dhaqan gala marka ay saxiixaan dad ku filan',
    canvass: 'Goobaha albaab garaacista iyo waxa albaabadu sheegeen',
    aid: 'Caawimaad weydiiso ama bixi, si qarsoodi ah',
    council: 'Golaha magaalada: kuraasta, ergooyinka iyo waajibaadka',
  },
  language: {
    label: 'Luqadda',
  },
  errors: {
    network: 'Xiriir lalama samayn karo server-ka. Hubi internet-kaaga oo mar kale isku day.',
    unauthorized: 'Waad ka baxday. Mar kale soo gal.',
    forbidden: 'Uma fasaxnid inaad tan samayso.',
    not_found: 'Lama helin. Waxaa laga yaabaa in la saaray, ama aadan arki karin.',
    invite_invalid:
      'Xiriirka casuumaaddan ma shaqaynayo: hore ayaa loo isticmaalay, waa la celiyay ama waa duugoobay. Ka codso qofkii ku casuumay xiriir cusub.',
    rate_limited: 'Isku day badan. Sug hal daqiiqo, kadibna mar kale isku day.',
    validation_failed: 'Fadlan hubi waxaad qortay ({{detail}}).',
    login_failed: 'Soo gelitaanku wuu fashilmay. Mar kale isku day, ama isticmaal kood soo celin.',
    recovery_failed: 'Koodhkan soo celinta ma shaqaynayo. Hubi, ama isku day mid kale.',
    credential_taken: 'Furahan hore ayaa loo diiwaangeliyay. Mar kale isku day.',
    passkey_rejected: 'Furaha gelitaanka lama aqbalin. Mar kale isku day.',
    probation:
      'Xubnaha cusub weli ma samayn karaan tan. Marka hore xubin kale waa inay kuu dammaanad qaaddo.',
    incident_closed: 'Dhacdadan hore ayaa loo xiray.',
    unavailable: 'Server-ku wuu mashquulsan yahay. Mar kale isku day wax yar kadib.',
    server: 'Server-ka ayaa dhib ka haysta. Mar kale isku day wax yar kadib.',
    unknown: 'Wax baa khaldamay ({{detail}}).',
    passkey_cancelled: 'Furaha gelitaanka lama samayn lamana isticmaalin. Mar kale isku day.',
    key_unsupported:
      'Browser-kan ma samayn karo fure ammaan ah. Cusboonaysii browser-kaaga, ama isticmaal mid kale.',
    organizer_only: 'Kaliya abaabulaha aaggan ayaa samayn kara tan.',
    members_only: 'Marka hore ku biir aaggan si aad u aragto kooxihiisa shaqada.',
    sponsor_cannot_vouch:
      'Adiga ayaa xubintan casuumay, markaa xubin kale ayaa u dammaanad qaadi karta. Abaabule ahaan, waad ansixin kartaa.',
    not_on_probation: 'Xubintani hadda ma sugayso ansixin.',
    not_suspended: 'Xubintan lama hakin.',
    invite_quota:
      'Hadda waxaad samaysay dhammaan casuumaadaha aad samayn karto. Isku day dhawr maalmood kadib.',
    invite_gone:
      'Casuumaddan shirka waa la dhammeeyay, waa la celiyay ama way dhacday. Qabanqaabiyaha ka codso mid cusub.',
    invite_attempts:
      'Shabakaddan waxaa ka yimid koodhad casuumaad badan oo aan shaqaynayn. Sug hal daqiiqo, kadib isku day mar kale.',
    recovery_locked:
      'Koodhad soo celin oo khaldan oo badan ayaa naanaystan loo isticmaalay. Sug, kadib mar dambe isku day.',
    plate_lookup_rate_limited:
      'Saacaddii u dambaysay taarikooyin badan ayaad hubisay. Mar dambe isku day.',
    self_grant: 'Qofna isma siin karo door, mana saxiixi karo kiisa.',
    sponsor_grant:
      'Adigaa casuumay xubintan, markaa ma codsan kartid mana saxiixi kartid doorarkooda. Abaabule kale ayaa sameynaya.',
    same_granter: 'Adigaa codsaday doorkan: abaabule ama maamule labaad ayaa saxiixaya.',
    admin_only: 'Maamule kaliya ayaa bixin kara ama ka qaadi kara doorka maamulaha.',
    last_admin: 'Magaaladu waa inay haysataa ugu yaraan hal maamule.',
    admin_role_first:
      'Marka hore ka qaad doorka maamulaha (maamule kale waa inuu oggolaadaa), kadibna hakin.',
    grant_expired: 'Doorkan wuxuu sugay in ka badan 72 saacadood wuuna dhacay. Mar kale codso.',
    grant_decided: "Doorkan horay ayaa loo go'aamiyay.",
    countersign_required:
      'U casuun xubin ahaan ama jawaab-bixiye ahaan. Door kasta oo kale abaabule labaad ayaa saxiixaya.',
  },
  state: {
    reported: 'LA SOO SHEEGAY',
    corroborated: 'LAMA XAQIIJIN',
    confirmed: 'LA XAQIIJIYAY',
    false_alarm: 'DIGNIIN BEEN AH',
    ended: 'WAY DHAMAATAY',
    merged: 'LA ISKU DARAY',
  },
  stateHint: {
    reported: 'Hal warbixin ayaa jirta ilaa hadda. Waxaa la sugayaa deris labaad ama xaqiijiye.',
    corroborated: 'Ugu yaraan laba deris ayaa soo sheegay. Weli lama hubin.',
    confirmed: 'Laba xaqiijiye oo madax-bannaan ayaa xaqiijiyay.',
    false_alarm: 'Waa la hubiyay: tani waxay ahayd digniin been ah.',
    ended: 'Way dhammaatay.',
    merged: 'Waxaa lagu daray warbixin kale oo isla dhacdadan ah.',
  },
  alertKind: {
    reported: 'Warbixin cusub oo la hubinayo',
    unconfirmed: 'Wax la arkay oo aan la xaqiijin',
    confirmed: 'Wax la arkay oo la xaqiijiyay',
    retraction: 'Digniin been ah',
    all_clear: 'Way dhammaatay',
    update: 'Cusboonaysiin',
  },
  time: {
    justNow: 'hadda',
    minutesAgo_one: '{{count}} daqiiqo ka hor',
    minutesAgo_other: '{{count}} daqiiqo ka hor',
    hoursAgo_one: '{{count}} saac ka hor',
    hoursAgo_other: '{{count}} saacadood ka hor',
    daysAgo_one: '{{count}} maalin ka hor',
    daysAgo_other: '{{count}} maalmood ka hor',
  },
};
