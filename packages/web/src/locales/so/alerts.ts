import type { Messages } from '../en';

/** Strings of the home feed, the live banner, notifications, push and the map. */
export const alerts: Pick<
  Messages,
  'home' | 'banner' | 'notification' | 'push' | 'map' | 'safety' | 'takeover'
> = {
  home: {
    title: 'Digniinaha',
    empty: 'Hadda digniin kama jirto xaafadahaaga.',
    emptyHint: 'Digniinaha halkan ayay ka soo muuqdaan isla marka derisyadu wax soo sheegaan.',
    noAreas: 'Weli ma aadan dooran xaafado, markaa digniin kuuma iman karto.',
    chooseAreas: 'Dooro xaafado',
    report: 'Soo sheeg wax aad aragtay',
    notifyAsk: 'Ma rabtaa ogeysiis telefoonkan ah marka digniin timaado?',
    notifyOn: 'Daar ogeysiisyada',
    notifyBlocked:
      'Ogeysiisyada waa laga xannibay boggan. Waad ku oggolaan kartaa dejinta browser-kaaga.',
    listLabel: 'Digniinaha iyo dhacdooyinka, kuwa ugu cusub marka hore',
    reporters_one: '{{count}} warbixin',
    reporters_other: '{{count}} warbixinood',
    noPlace: 'Goobta lama sheegin',
    noActivity: 'Wax la arkay',
    loadFailed: 'Dhacdooyinkii ugu dambeeyay lama soo rari karin.',
    probation:
      'Waxaad tahay xubin cusub: warbixinnadaadu waxay tiriyaan marka xubin kale kuu dammaanad qaaddo.',
  },
  safety: {
    title: 'Agagaarkaaga',
    nothing: 'Wax firfircoon oo kuu dhow ma jiraan.',
    fromMe: '{{distance}} kaa fog',
    fromPlace: '{{distance}} meel aad kaydisay',
    inAreas: 'Xaafadahaaga',
    asOf: 'Xaaladdii ugu dambeysay ee la ogaa, {{time}}.',
    unknown:
      'Weli lama oga: telefoonkan waxba kuma kaydsana. Wuu cusboonaan marka shabakaddu soo noqoto.',
  },
  takeover: {
    title: 'La xaqiijiyay, kuu dhow',
    distance: 'Qiyaastii {{distance}} kaa fog',
    advice: 'Deggenow. Ha furin albaabka. Ogow xuquuqdaada.',
    open: 'Fur dhacdada',
    dismiss: 'Waan arkay',
    sound: 'Cod sii marka digniin la xaqiijiyay ay ii dhowdahay',
  },
  banner: {
    label: 'Digniin cusub',
    open: 'Fur',
    dismiss: 'Iska dhaaf',
  },
  notification: {
    title: 'Tocsin: {{state}}',
    body: '{{place}}: fur Tocsin si aad u aragto faahfaahinta.',
  },
  push: {
    title: 'Digniinaha marka Tocsin xiran tahay',
    intro:
      'Telefoonkaaga waa la toosin karaa marka digniin cusub timaado xitaa haddii Tocsin xiran tahay. Ogeysiisku faahfaahin ma sido: waxaad arkaysaa marka aad furto app-ka.',
    enable: 'Daar',
    disable: 'Dami',
    on: 'Waa u shidan yahay telefoonkan.',
    off: 'Waa u dansan yahay telefoonkan.',
    unavailable: 'Server-kan uma diro digniino app-ka xiran.',
    unsupported: 'Browser-kan ma heli karo digniino marka app-ku xiran yahay.',
  },
  map: {
    show: 'Muuji khariidadda',
    hide: 'Qari khariidadda',
    incident: 'Khariidadda dhacdada iyo xaafadaha',
    feed: 'Khariidadda digniinaha',
    pick: 'Ka dooro khariidadda',
    pickHint: 'Taabo khariidadda meesha ay ka dhacayso.',
    picked: 'Goobta waxaa laga doortay khariidadda.',
    pickLabel: 'Khariidad: taabo si aad goobta u doorato',
  },
};
