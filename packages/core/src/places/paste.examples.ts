import type { ActivityCode } from '../salute/activity-codes';

/**
 * Real-style pasted messages (English, Spanish, mixed, typos, labeled and not) with what a
 * person reading them would fill in, and where the place truly is. Truth points are street
 * corners of the Minneapolis grid computed here from the grid's own numbers (numbered streets
 * 1/8 mile apart south of Lake St, 1/10 mile north of it; avenue positions), not from the
 * gazetteer file, so a wrong gazetteer entry shows as a miss.
 */
export interface PasteExample {
  text: string;
  /** The quick choice the text clearly names; absent when it names none. */
  activity?: ActivityCode;
  size?: string;
  uniform?: string;
  equipment?: string;
  time?: string;
  place?: string;
  /** Canonical plate keys (default state MN). */
  plates?: string[];
  /** Where the place truly is, [lat, lng]; absent when the text names no place. */
  truth?: [number, number];
  /** The phone's position when the message was pasted. */
  gps?: [number, number];
  /** The text names a neighborhood only. */
  area?: string;
}

const LAKE = 44.9485;
/** Latitude of a numbered east-west street (Lake St is at 30, Franklin Ave at 20). */
export function streetLat(n: number): number {
  return n >= 30 ? LAKE - (n - 30) * 0.00174 : LAKE + (30 - n) * 0.00142;
}
const AVE: Record<string, number> = {
  hennepin: -93.2983,
  lyndale: -93.2882,
  nicollet: -93.2776,
  portland: -93.2677,
  park: -93.265,
  chicago: -93.2623,
  bloomington: -93.2526,
  cedar: -93.2475,
};
/** Longitude of a named or numbered (east side) north-south avenue. */
export function aveLng(a: string | number): number {
  if (typeof a === 'number') return -93.2314 + (a - 28) * 0.00125;
  const lng = AVE[a];
  if (lng === undefined) throw new Error(`no avenue ${a}`);
  return lng;
}
const at = (street: number | 'lake' | 'franklin', ave: string | number): [number, number] => [
  street === 'lake' ? LAKE : street === 'franklin' ? streetLat(20) : streetLat(street),
  aveLng(ave),
];
const CUB: [number, number] = [44.9472, -93.2335];
const TARGET: [number, number] = [44.9478, -93.2318];
const MERCADO: [number, number] = [44.9484, -93.2522];
const LAKE_STATION: [number, number] = [44.9484, -93.2389];
const STATION_38: [number, number] = [44.9343, -93.2295];
const POWDERHORN: [number, number] = [44.9397, -93.2555];
const GLOBAL_MARKET: [number, number] = [44.9489, -93.26];
const KARMEL: [number, number] = [44.9492, -93.2808];
const ROOSEVELT: [number, number] = [44.9303, -93.2314];
/** A position about 100 m from a point (the phone of someone standing near). */
const near = ([lat, lng]: [number, number]): [number, number] => [lat + 0.0006, lng + 0.0006];
/** A position about 2 km away (the phone of someone who pasted a friend's message). */
const away = ([lat, lng]: [number, number]): [number, number] => [lat + 0.018, lng - 0.01];

export const PASTE_EXAMPLES: PasteExample[] = [
  // English, unlabeled
  {
    text: '3 vans 2 agents in vests at Lake and Bloomington 10 min ago',
    size: '2 agents',
    uniform: 'vests',
    equipment: '3 vans',
    time: '10 min ago',
    place: 'Lake and Bloomington',
    truth: at('lake', 'bloomington'),
  },
  {
    text: 'ICE at the Cub Foods on Lake St, 3 agents detaining someone',
    activity: 'detaining',
    size: '3 agents',
    place: 'the Cub Foods on Lake St',
    truth: CUB,
  },
  {
    text: '🚨 ICE agents at Lake & Chicago 10 min ago, white van plate MN ABC 123',
    equipment: 'white van',
    time: '10 min ago',
    place: 'Lake & Chicago',
    plates: ['MN:ABC123'],
    truth: at('lake', 'chicago'),
  },
  {
    text: '4 agents w/ masks detaining a guy at 38th & Chicago right now',
    activity: 'detaining',
    size: '4 agents',
    uniform: 'masks',
    time: 'right now',
    place: '38th & Chicago',
    truth: at(38, 'chicago'),
  },
  {
    text: 'checkpoint at 28th Ave and Lake, 6 cops, 2 black SUVs',
    activity: 'checkpoint',
    size: '6 cops',
    equipment: '2 black SUVs',
    place: '28th Ave and Lake',
    truth: at('lake', 28),
  },
  {
    text: 'agents knocking doors on 35th st and Cedar',
    activity: 'doors',
    place: '35th st and Cedar',
    truth: at(35, 'cedar'),
  },
  {
    text: 'ICE raid at 2400 Bloomington Ave, like 8 agents in tactical vests',
    size: 'like 8 agents',
    uniform: 'tactical vests',
    place: '2400 Bloomington Ave',
    truth: at(24, 'bloomington'),
  },
  {
    text: 'two unmarked cars parked outside Mercado Central since 2pm',
    activity: 'vehicles',
    equipment: 'two unmarked cars',
    time: '2pm',
    place: 'Mercado Central',
    truth: MERCADO,
  },
  {
    text: 'Someone detained by the Lake Street station 15 minutes ago. 5 officers, masked',
    activity: 'detaining',
    size: '5 officers',
    uniform: 'masked',
    time: '15 minutes ago',
    place: 'the Lake Street station',
    truth: LAKE_STATION,
  },
  {
    text: 'white van + grey tahoe circling Powderhorn Park',
    activity: 'vehicles',
    equipment: 'white van, grey tahoe',
    place: 'Powderhorn Park',
    truth: POWDERHORN,
  },
  {
    text: 'at nicollet and 31st: 3 agents, plainclothes, silver suv plate KVX 381',
    size: '3 agents',
    uniform: 'plainclothes',
    equipment: 'silver suv',
    place: 'nicollet and 31st',
    plates: ['MN:KVX381'],
    truth: at(31, 'nicollet'),
  },
  {
    text: 'ice on lake & 27th ave, 2 trucks, agents wearing green vests, 5 min ago',
    equipment: '2 trucks',
    uniform: 'green vests',
    time: '5 min ago',
    place: 'lake & 27th ave',
    truth: at('lake', 27),
  },
  {
    text: 'heads up - 10+ agents staging at Portland and 42nd, dark vehicles',
    activity: 'vehicles',
    size: '10+ agents',
    equipment: 'dark vehicles',
    place: 'Portland and 42nd',
    truth: at(42, 'portland'),
  },
  {
    text: 'they took a man from the bus stop at franklin & chicago, 2 officers, 1 black sedan',
    activity: 'detaining',
    size: '2 officers',
    equipment: '1 black sedan',
    place: 'franklin & chicago',
    truth: at('franklin', 'chicago'),
  },
  {
    text: 'Checkpoint on Lake St near 34th Ave. Several cops. Started 20 min ago',
    activity: 'checkpoint',
    size: 'Several cops',
    time: '20 min ago',
    place: 'Lake St near 34th Ave',
    truth: at('lake', 34),
  },
  {
    text: 'agents in the parking lot of Target on Lake, 3 suvs',
    equipment: '3 suvs',
    place: 'Target on Lake',
    truth: TARGET,
  },
  {
    text: 'ICE at Karmel Mall right now, 4 men in plain clothes',
    size: '4 men',
    uniform: 'plain clothes',
    time: 'right now',
    place: 'Karmel Mall',
    truth: KARMEL,
  },
  {
    text: 'detention at 46th st and bloomington ave, 3 agents, 2 vans, 11:15am',
    activity: 'detaining',
    size: '3 agents',
    equipment: '2 vans',
    time: '11:15am',
    place: '46th st and bloomington ave',
    truth: at(46, 'bloomington'),
  },
  {
    text: 'outside Roosevelt High, 2 agents asking kids for papers',
    size: '2 agents',
    place: 'Roosevelt High',
    truth: ROOSEVELT,
  },
  {
    text: 'lyndale and 36th, 3 black suvs and about 6 agents with rifles',
    size: 'about 6 agents',
    equipment: '3 black suvs, rifles',
    place: 'lyndale and 36th',
    truth: at(36, 'lyndale'),
  },
  {
    text: 'Agents detaining a worker at 3000 block of E Lake St, 1 van',
    activity: 'detaining',
    equipment: '1 van',
    place: '3000 block of E Lake St',
    truth: [LAKE, aveLng(30)],
  },
  {
    text: 'just now: 2 ICE agents at chicago ave & 33rd st, vests say POLICE',
    size: '2 ICE agents',
    uniform: 'vests',
    time: 'just now',
    place: 'chicago ave & 33rd st',
    truth: at(33, 'chicago'),
  },
  {
    text: 'Cedar and 26th st, agents at the apartments, 4 cars',
    equipment: '4 cars',
    place: 'Cedar and 26th st',
    truth: at(26, 'cedar'),
  },
  {
    text: 'a few agents near midtown global market, masks and vests',
    size: 'a few agents',
    uniform: 'masks, vests',
    place: 'midtown global market',
    truth: GLOBAL_MARKET,
  },
  {
    text: '38th street station, 3 officers checking ppl on the platform 10 mins ago',
    size: '3 officers',
    time: '10 mins ago',
    place: '38th street station',
    truth: STATION_38,
  },
  // English with typos
  {
    text: '3 agnets at lake n bloomington w/ vests 10min ago',
    size: '3 agnets',
    uniform: 'vests',
    time: '10min ago',
    place: 'lake n bloomington',
    truth: at('lake', 'bloomington'),
  },
  {
    text: 'ICE at blomington & 35th, 2 vans',
    equipment: '2 vans',
    place: 'blomington & 35th',
    truth: at(35, 'bloomington'),
  },
  {
    text: 'agents @ 31st and chicago rn, 2 suvs',
    equipment: '2 suvs',
    place: '31st and chicago',
    truth: at(31, 'chicago'),
  },
  {
    text: 'thers like 5 cops at portland n 38th detaining sum1',
    activity: 'detaining',
    size: 'like 5 cops',
    place: 'portland n 38th',
    truth: at(38, 'portland'),
  },
  {
    text: 'vans at lake/cedar, 4 agents',
    equipment: 'vans',
    size: '4 agents',
    place: 'lake/cedar',
    truth: at('lake', 'cedar'),
  },
  // Spanish, unlabeled
  {
    text: 'Hay migra en la esquina de Lake y Bloomington hace 5 min, 2 camionetas negras',
    equipment: '2 camionetas negras',
    time: 'hace 5 min',
    place: 'Lake y Bloomington',
    truth: at('lake', 'bloomington'),
  },
  {
    text: 'Ahora mismo en Lake y Chicago, 4 agentes',
    size: '4 agentes',
    time: 'Ahora mismo',
    place: 'Lake y Chicago',
    truth: at('lake', 'chicago'),
  },
  {
    text: '5 agentes con chalecos deteniendo a un señor en la 38 y Chicago hace 10 min',
    activity: 'detaining',
    size: '5 agentes',
    uniform: 'chalecos',
    time: 'hace 10 min',
    place: 'la 38 y Chicago',
    truth: at(38, 'chicago'),
  },
  {
    text: 'migra en el Cub de Lake, 3 camionetas blancas',
    equipment: '3 camionetas blancas',
    place: 'el Cub de Lake',
    truth: CUB,
  },
  {
    text: 'retén en la Bloomington y la 31, unos 6 policías',
    activity: 'checkpoint',
    size: 'unos 6 policías',
    place: 'la Bloomington y la 31',
    truth: at(31, 'bloomington'),
  },
  {
    text: 'cuidado!! agentes en Mercado Central hace 15 minutos, 2 carros negros',
    time: 'hace 15 minutos',
    equipment: '2 carros negros',
    place: 'Mercado Central',
    truth: MERCADO,
  },
  {
    text: 'tocando puertas en la 35 y Cedar, 4 agentes con chalecos verdes',
    activity: 'doors',
    size: '4 agentes',
    uniform: 'chalecos verdes',
    place: 'la 35 y Cedar',
    truth: at(35, 'cedar'),
  },
  {
    text: 'se llevaron a un señor en Lake y la 28, dos trocas grises',
    activity: 'detaining',
    equipment: 'dos trocas grises',
    place: 'Lake y la 28',
    truth: at('lake', 28),
  },
  {
    text: 'hay 3 agentes enmascarados frente al Target de Lake Street',
    size: '3 agentes',
    uniform: 'enmascarados',
    place: 'Target de Lake Street',
    truth: TARGET,
  },
  {
    text: 'Migra en Chicago y la 42 hace media hora, camioneta blanca placa MN-KVX-381',
    time: 'hace media hora',
    equipment: 'camioneta blanca',
    place: 'Chicago y la 42',
    plates: ['MN:KVX381'],
    truth: at(42, 'chicago'),
  },
  {
    text: 'en Nicollet y la 26 hay 2 patrullas y agentes con cubrebocas',
    equipment: '2 patrullas',
    uniform: 'cubrebocas',
    place: 'Nicollet y la 26',
    truth: at(26, 'nicollet'),
  },
  {
    text: 'agentes deteniendo gente en la estación de la 38, hace 20 min',
    activity: 'detaining',
    time: 'hace 20 min',
    place: 'la estación de la 38',
    truth: STATION_38,
  },
  {
    text: 'vi unos 8 agentes cerca del parque Powderhorn, con chalecos antibalas',
    size: 'unos 8 agentes',
    uniform: 'chalecos antibalas',
    place: 'parque Powderhorn',
    truth: POWDERHORN,
  },
  {
    text: 'Están en la Franklin y Portland, 3 camionetas sin placas',
    equipment: '3 camionetas sin placas',
    place: 'la Franklin y Portland',
    truth: at('franklin', 'portland'),
  },
  {
    text: 'hace 10 min en 2500 Bloomington Ave, 4 agentes y 2 carros',
    time: 'hace 10 min',
    size: '4 agentes',
    equipment: '2 carros',
    place: '2500 Bloomington Ave',
    truth: at(25, 'bloomington'),
  },
  {
    text: 'Placas: hace 10 min vi 2 trocas en Lake y Cedar',
    time: 'hace 10 min',
    equipment: '2 trocas',
    place: 'Lake y Cedar',
    truth: at('lake', 'cedar'),
  },
  {
    text: 'hay migra en la lake y la 36 ave, 5 agentes, 3 camionetas',
    size: '5 agentes',
    equipment: '3 camionetas',
    place: 'la lake y la 36 ave',
    truth: at('lake', 36),
  },
  {
    text: 'ahorita en la Cedar y la 38, policías con chamarras de ICE',
    time: 'ahorita',
    uniform: 'chamarras de ICE',
    place: 'la Cedar y la 38',
    truth: at(38, 'cedar'),
  },
  {
    text: 'retenes en la Lyndale y la Lake, muchos agentes',
    activity: 'checkpoint',
    size: 'muchos agentes',
    place: 'la Lyndale y la Lake',
    truth: at('lake', 'lyndale'),
  },
  {
    text: 'agarraron a 2 personas en la Portland y 34, 3 agentes de civil',
    activity: 'detaining',
    size: '3 agentes',
    uniform: 'de civil',
    place: 'la Portland y 34',
    truth: at(34, 'portland'),
  },
  // Spanish with typos, no accents
  {
    text: 'ay migra en lake i bloomington asi 5 min',
    place: 'lake i bloomington',
    truth: at('lake', 'bloomington'),
  },
  {
    text: 'aguas!! 4 ajentes en la 31 y chicago con chalecos',
    size: '4 ajentes',
    uniform: 'chalecos',
    place: 'la 31 y chicago',
    truth: at(31, 'chicago'),
  },
  {
    text: 'camionetas negras en la bloomington y 36 hace rato',
    equipment: 'camionetas negras',
    place: 'la bloomington y 36',
    truth: at(36, 'bloomington'),
  },
  {
    text: 'policias en Cedar y Lake detuvieron a un muchacho, 2 patrullas',
    activity: 'detaining',
    equipment: '2 patrullas',
    place: 'Cedar y Lake',
    truth: at('lake', 'cedar'),
  },
  {
    text: 'estan tocando puertas en la 29 y park, 3 agentes',
    activity: 'doors',
    size: '3 agentes',
    place: 'la 29 y park',
    truth: at(29, 'park'),
  },
  // Mixed English / Spanish
  {
    text: 'ICE en Lake y 27th ave, 3 vans, agentes con vests',
    equipment: '3 vans',
    uniform: 'vests',
    place: 'Lake y 27th ave',
    truth: at('lake', 27),
  },
  {
    text: 'migra at 38th & Bloomington, like 4 agentes, hace 5 min',
    size: 'like 4 agentes',
    time: 'hace 5 min',
    place: '38th & Bloomington',
    truth: at(38, 'bloomington'),
  },
  {
    text: '2 suvs negras en Chicago y 35th st right now',
    equipment: '2 suvs negras',
    time: 'right now',
    place: 'Chicago y 35th st',
    truth: at(35, 'chicago'),
  },
  {
    text: 'agents en el Cub, 3 trocas, 10 min ago',
    equipment: '3 trocas',
    time: '10 min ago',
    place: 'el Cub',
    truth: CUB,
  },
  {
    text: 'ICE at la 38 y Cedar con masks',
    uniform: 'masks',
    place: 'la 38 y Cedar',
    truth: at(38, 'cedar'),
  },
  // Labeled SALUTE, English
  {
    text: 'S: 3 agents A: detaining man L: Lake & Bloomington U: vests T: 2:40pm E: 2 black SUVs',
    activity: 'detaining',
    size: '3 agents',
    uniform: 'vests',
    time: '2:40pm',
    equipment: '2 black SUVs',
    place: 'Lake & Bloomington',
    truth: at('lake', 'bloomington'),
  },
  {
    text: 'Size: 6\nActivity: raid at apartment\nLocation: 2400 Bloomington Ave\nTime: 14:40',
    size: '6',
    time: '14:40',
    place: '2400 Bloomington Ave',
    truth: at(24, 'bloomington'),
  },
  {
    text: '🚨 SALUTE 🚨\n• S: 4\n• A: arresting a man outside Cub\n• L: Lake St & Minnehaha\n• U: green vests, masks\n• T: 10 min ago\n• E: 2 unmarked SUVs',
    activity: 'detaining',
    size: '4',
    uniform: 'green vests, masks',
    time: '10 min ago',
    equipment: '2 unmarked SUVs',
    place: 'Lake St & Minnehaha',
    truth: [LAKE, -93.2335],
  },
  {
    text: 'S- 5\nA- checkpoint\nL- 28th Ave & Lake\nU- police vests\nT- now\nE- 3 vans',
    activity: 'checkpoint',
    size: '5',
    uniform: 'police vests',
    time: 'now',
    equipment: '3 vans',
    place: '28th Ave & Lake',
    truth: at('lake', 28),
  },
  {
    text: 'Where: 38th and Chicago\nWhat: agents questioning people\nWhen: 5 min ago',
    time: '5 min ago',
    place: '38th and Chicago',
    truth: at(38, 'chicago'),
  },
  {
    text: 'L: Cedar & 35th\nS: 2 agents\nA: detaining\nE: silver sedan, plate KVX381',
    activity: 'detaining',
    size: '2 agents',
    equipment: 'silver sedan, plate KVX381',
    place: 'Cedar & 35th',
    plates: ['MN:KVX381'],
    truth: at(35, 'cedar'),
  },
  {
    text: 'Location: Mercado Central\nActivity: agents outside\nSize: 3',
    size: '3',
    place: 'Mercado Central',
    truth: MERCADO,
  },
  // Labeled SALUTE, Spanish
  {
    text: 'Tamaño: 5 agentes\nActividad: deteniendo a un señor\nUbicación: Lake y Bloomington\nUniforme: chalecos negros\nHora: hace 10 minutos\nEquipo: 2 camionetas negras placa ABC-1234',
    activity: 'detaining',
    size: '5 agentes',
    uniform: 'chalecos negros',
    time: 'hace 10 minutos',
    equipment: '2 camionetas negras placa ABC-1234',
    place: 'Lake y Bloomington',
    plates: ['MN:ABC1234'],
    truth: at('lake', 'bloomington'),
  },
  {
    text: 'tamano: 2\nactividad: preguntando papeles\nubicacion: la 38 y chicago\nhora: 2pm',
    size: '2',
    time: '2pm',
    place: 'la 38 y chicago',
    truth: at(38, 'chicago'),
  },
  {
    text: 'Lugar: Franklin y Chicago\nCantidad: 4\nActividad: retén',
    activity: 'checkpoint',
    size: '4',
    place: 'Franklin y Chicago',
    truth: at('franklin', 'chicago'),
  },
  {
    text: 'Dónde: la 46 y Bloomington\nCuándo: hace 15 min\nVehículos: 3 trocas',
    time: 'hace 15 min',
    equipment: '3 trocas',
    place: 'la 46 y Bloomington',
    truth: at(46, 'bloomington'),
  },
  // Plates
  {
    text: 'plate MNQRT551 on a black tahoe at Lake and Chicago',
    equipment: 'black tahoe',
    place: 'Lake and Chicago',
    plates: ['MN:QRT551'],
    truth: at('lake', 'chicago'),
  },
  {
    text: 'tag QRT 551, white van, 31st & Bloomington',
    equipment: 'white van',
    place: '31st & Bloomington',
    plates: ['MN:QRT551'],
    truth: at(31, 'bloomington'),
  },
  {
    text: 'placa MN KVX 381, camioneta gris en Cedar y Lake',
    equipment: 'camioneta gris',
    place: 'Cedar y Lake',
    plates: ['MN:KVX381'],
    truth: at('lake', 'cedar'),
  },
  {
    text: 'plates: ABC123 and XYZ 789, 2 suvs at nicollet & lake',
    equipment: '2 suvs',
    place: 'nicollet & lake',
    plates: ['MN:ABC123', 'MN:XYZ789'],
    truth: at('lake', 'nicollet'),
  },
  {
    text: 'van with WI plate ABC 1234 at 42nd and Cedar',
    equipment: 'van',
    place: '42nd and Cedar',
    plates: ['WI:ABC1234'],
    truth: at(42, 'cedar'),
  },
  {
    text: 'placas tapadas, 2 carros negros en la 38 y Bloomington',
    equipment: '2 carros negros',
    place: 'la 38 y Bloomington',
    truth: at(38, 'bloomington'),
  },
  {
    text: 'plate covered, grey suv at 35th & park',
    equipment: 'grey suv',
    place: '35th & park',
    truth: at(35, 'park'),
  },
  // Times that must not be plates
  {
    text: 'placa hace 10 min vi la troca en Lake y la 36 ave',
    time: 'hace 10 min',
    equipment: 'troca',
    place: 'Lake y la 36 ave',
    truth: at('lake', 36),
  },
  {
    text: 'tag at 10:45 was on a white van near lake & cedar',
    time: 'at 10:45',
    equipment: 'white van',
    place: 'lake & cedar',
    truth: at('lake', 'cedar'),
  },
  // Street alone, placed by the phone
  {
    text: 'agents on Lake St right now, 3 suvs',
    time: 'right now',
    equipment: '3 suvs',
    place: 'Lake St',
    truth: at('lake', 'chicago'),
    gps: near(at('lake', 'chicago')),
  },
  {
    text: 'ICE on bloomington ave, 2 agents',
    size: '2 agents',
    place: 'bloomington ave',
    truth: at(33, 'bloomington'),
    gps: near(at(33, 'bloomington')),
  },
  {
    text: 'migra en la Chicago, 4 agentes',
    size: '4 agentes',
    place: 'la Chicago',
    truth: at(40, 'chicago'),
    gps: near(at(40, 'chicago')),
  },
  {
    text: 'checkpoint on cedar ave 10 min ago',
    activity: 'checkpoint',
    time: '10 min ago',
    place: 'cedar ave',
    truth: at(29, 'cedar'),
    gps: near(at(29, 'cedar')),
  },
  {
    text: 'agentes en la calle Lake',
    place: 'calle Lake',
    truth: at('lake', 'cedar'),
    gps: near(at('lake', 'cedar')),
  },
  // A friend's message: the text names a place far from the phone (text wins, app asks)
  {
    text: 'forwarded: 3 agents at Lake and Bloomington 5 min ago',
    size: '3 agents',
    time: '5 min ago',
    place: 'Lake and Bloomington',
    truth: at('lake', 'bloomington'),
    gps: away(at('lake', 'bloomington')),
  },
  {
    text: 'mi prima dice migra en la 38 y Chicago, 2 camionetas',
    equipment: '2 camionetas',
    place: 'la 38 y Chicago',
    truth: at(38, 'chicago'),
    gps: away(at(38, 'chicago')),
  },
  {
    text: 'from the group chat: ICE at Cedar & 42nd, 4 agents w/ rifles',
    size: '4 agents',
    equipment: 'rifles',
    place: 'Cedar & 42nd',
    truth: at(42, 'cedar'),
    gps: away(at(42, 'cedar')),
  },
  // More English variety
  {
    text: 'Black SUVs (3) parked on 31st St near Chicago Ave, agents in plain clothes',
    activity: 'vehicles',
    equipment: 'Black SUVs',
    uniform: 'plain clothes',
    place: '31st St near Chicago Ave',
    truth: at(31, 'chicago'),
  },
  {
    text: 'URGENT 6 agents at the corner of Nicollet & 38th, 2 vans, masks',
    size: '6 agents',
    equipment: '2 vans',
    uniform: 'masks',
    place: 'Nicollet & 38th',
    truth: at(38, 'nicollet'),
  },
  {
    text: 'ICE just grabbed someone outside South High, 3 agents, 1 suv',
    activity: 'detaining',
    size: '3 agents',
    equipment: '1 suv',
    place: 'South High',
    truth: [44.9463, -93.2453],
  },
  {
    text: '2 agents with helmets by 26th Ave and Lake, 5 mins ago',
    size: '2 agents',
    uniform: 'helmets',
    time: '5 mins ago',
    place: '26th Ave and Lake',
    truth: at('lake', 26),
  },
  {
    text: 'Agents doing a raid at 3500 Chicago Ave, 8 officers, bulletproof vests',
    size: '8 officers',
    uniform: 'bulletproof vests',
    place: '3500 Chicago Ave',
    truth: at(35, 'chicago'),
  },
  {
    text: 'many agents at 4600 Bloomington Ave with dogs',
    size: 'many agents',
    equipment: 'dogs',
    place: '4600 Bloomington Ave',
    truth: at(46, 'bloomington'),
  },
  {
    text: 'confirmed: 4 agents detaining at Park Ave & 28th St at 3pm',
    activity: 'detaining',
    size: '4 agents',
    time: 'at 3pm',
    place: 'Park Ave & 28th St',
    truth: at(28, 'park'),
  },
  {
    text: 'saw 2 unmarked trucks at lyndale & 31st, no agents outside',
    equipment: '2 unmarked trucks',
    place: 'lyndale & 31st',
    truth: at(31, 'lyndale'),
  },
  {
    text: 'officers at hennepin & lake knocking on doors, 5 of them',
    activity: 'doors',
    place: 'hennepin & lake',
    truth: at('lake', 'hennepin'),
  },
  {
    text: 'at 32nd & Bloomington 3 agents in green jackets, 2 sedans',
    size: '3 agents',
    uniform: 'green jackets',
    equipment: '2 sedans',
    place: '32nd & Bloomington',
    truth: at(32, 'bloomington'),
  },
  {
    text: 'agents at 24th st and chicago 20 min ago',
    time: '20 min ago',
    place: '24th st and chicago',
    truth: at(24, 'chicago'),
  },
  {
    text: 'Checkpoint! Cedar Ave & E 36th St. 4 cops, 2 cars',
    activity: 'checkpoint',
    size: '4 cops',
    equipment: '2 cars',
    place: 'Cedar Ave & E 36th St',
    truth: at(36, 'cedar'),
  },
  {
    text: 'agents at 1500 E Lake St, 2 vans',
    equipment: '2 vans',
    place: '1500 E Lake St',
    truth: at('lake', 'bloomington'),
  },
  {
    text: '3 feds on Portland & 31st with zip ties',
    size: '3 feds',
    equipment: 'zip ties',
    place: 'Portland & 31st',
    truth: at(31, 'portland'),
  },
  {
    text: 'ICE agents (maybe 5) at 40th and Cedar at 9am',
    time: 'at 9am',
    place: '40th and Cedar',
    truth: at(40, 'cedar'),
  },
  {
    text: 'guys in vests at 34th ave and lake, 3 trucks',
    uniform: 'vests',
    equipment: '3 trucks',
    place: '34th ave and lake',
    truth: at('lake', 34),
  },
  // More Spanish variety
  {
    text: 'En la Bloomington y la 24 hay 3 agentes con chalecos',
    size: '3 agentes',
    uniform: 'chalecos',
    place: 'la Bloomington y la 24',
    truth: at(24, 'bloomington'),
  },
  {
    text: 'Migra!!! Cedar y la 42, 2 trocas blancas, hace 5 minutos',
    equipment: '2 trocas blancas',
    time: 'hace 5 minutos',
    place: 'Cedar y la 42',
    truth: at(42, 'cedar'),
  },
  {
    text: 'hay 4 policías en la esquina de Nicollet y la 31',
    size: '4 policías',
    place: 'Nicollet y la 31',
    truth: at(31, 'nicollet'),
  },
  {
    text: 'agentes enmascarados en la Park y la 34',
    size: undefined,
    uniform: 'enmascarados',
    place: 'la Park y la 34',
    truth: at(34, 'park'),
  },
  {
    text: 'están deteniendo gente en 3800 Chicago Ave',
    activity: 'detaining',
    place: '3800 Chicago Ave',
    truth: at(38, 'chicago'),
  },
  {
    text: 'hay un retén en la Lake y la 34 ave con 6 agentes',
    activity: 'checkpoint',
    size: '6 agentes',
    place: 'la Lake y la 34 ave',
    truth: at('lake', 34),
  },
  {
    text: 'cuidado en la Portland y la 42, 2 camionetas grises sin placas',
    equipment: '2 camionetas grises sin placas',
    place: 'la Portland y la 42',
    truth: at(42, 'portland'),
  },
  {
    text: 'agentes con cascos y chalecos en la Chicago y la 26',
    uniform: 'cascos, chalecos',
    place: 'la Chicago y la 26',
    truth: at(26, 'chicago'),
  },
  {
    text: 'varios agentes en la Lyndale y la 38 hace 10 min',
    size: 'varios agentes',
    time: 'hace 10 min',
    place: 'la Lyndale y la 38',
    truth: at(38, 'lyndale'),
  },
  {
    text: 'a las 3 de la tarde en la Cedar y la 31, 3 carros',
    time: 'a las 3 de la tarde',
    equipment: '3 carros',
    place: 'la Cedar y la 31',
    truth: at(31, 'cedar'),
  },
  {
    text: 'en Lake y Nicollet hay 2 agentes con uniformes',
    size: '2 agentes',
    uniform: 'uniformes',
    place: 'Lake y Nicollet',
    truth: at('lake', 'nicollet'),
  },
  {
    text: 'migra en el Mercado Central, unos 5 agentes',
    size: 'unos 5 agentes',
    place: 'el Mercado Central',
    truth: MERCADO,
  },
  {
    text: '2 patrullas en la 33 y la Bloomington',
    equipment: '2 patrullas',
    place: 'la 33 y la Bloomington',
    truth: at(33, 'bloomington'),
  },
  {
    text: 'deteniendo en la 27 ave y Lake, 3 agentes, 2 camionetas',
    activity: 'detaining',
    size: '3 agentes',
    equipment: '2 camionetas',
    place: 'la 27 ave y Lake',
    truth: at('lake', 27),
  },
  // Quick choices said clearly (typos too), and said not to happen, asked, or unrelated
  {
    text: 'tokando puertas en la 31 y Bloomington, 3 agentes con chalecos',
    activity: 'doors',
    size: '3 agentes',
    uniform: 'chalecos',
    place: 'la 31 y Bloomington',
    truth: at(31, 'bloomington'),
  },
  {
    text: 'ICE going door to door on 35th st and Cedar Ave, 4 agents',
    activity: 'doors',
    size: '4 agents',
    place: '35th st and Cedar Ave',
    truth: at(35, 'cedar'),
  },
  {
    text: 'estan deteniedo a un señor en Lake y Chicago hace 5 min',
    activity: 'detaining',
    time: 'hace 5 min',
    place: 'Lake y Chicago',
    truth: at('lake', 'chicago'),
  },
  {
    text: 'chekpoint on Cedar and 31st stopping cars, 5 cops',
    activity: 'checkpoint',
    size: '5 cops',
    place: 'Cedar and 31st',
    truth: at(31, 'cedar'),
  },
  {
    text: 'camionetas negras estacionadas frente al Mercado Central',
    activity: 'vehicles',
    equipment: 'camionetas negras',
    place: 'Mercado Central',
    truth: MERCADO,
  },
  {
    text: 'no checkpoint on Lake and Chicago, all clear',
    place: 'Lake and Chicago',
    truth: at('lake', 'chicago'),
  },
  {
    text: 'ya no hay retén en la Bloomington y la 31',
    place: 'la Bloomington y la 31',
    truth: at(31, 'bloomington'),
  },
  {
    text: "don't open the door, agents outside at 28th Ave and Lake",
    place: '28th Ave and Lake',
    truth: at('lake', 28),
  },
  {
    text: '¿hay retén en la Lake y Cedar?',
    place: 'la Lake y Cedar',
    truth: at('lake', 'cedar'),
  },
  {
    text: 'I parked my car at Lake & Chicago and saw 3 agents',
    size: '3 agents',
    place: 'Lake & Chicago',
    truth: at('lake', 'chicago'),
  },
  {
    text: 'falsa alarma, no era la migra, era un retén de la policía en la 38 y Chicago',
    place: 'la 38 y Chicago',
    truth: at(38, 'chicago'),
  },
  // No place in the text: the app asks
  { text: 'ICE agents detaining someone, 3 vans', equipment: '3 vans', activity: 'detaining' },
  { text: 'hay migra, cuidado, 2 camionetas negras', equipment: '2 camionetas negras' },
  {
    text: 'agents knocking doors in my building 10 min ago',
    time: '10 min ago',
    activity: 'doors',
  },
  {
    text: 'be careful out there, 4 agents in vests',
    size: '4 agents',
    uniform: 'vests',
  },
  // An area only
  {
    text: 'ICE in Powderhorn Park neighborhood, 3 agents',
    size: '3 agents',
    place: 'Powderhorn Park',
    truth: POWDERHORN,
  },
  {
    text: 'checkpoint at Lake & Hiawatha, 5 cops',
    activity: 'checkpoint',
    size: '5 cops',
    place: 'Lake & Hiawatha',
    truth: LAKE_STATION,
  },
  {
    text: 'agents at 38th and hiawatha by the station',
    place: '38th and hiawatha by the station',
    truth: STATION_38,
  },
  {
    text: '3 agents at 46th st and hiawatha',
    size: '3 agents',
    place: '46th st and hiawatha',
    truth: [44.9208, -93.2197],
  },
  {
    text: 'ICE at minnehaha & lake 10 min ago',
    time: '10 min ago',
    place: 'minnehaha & lake',
    truth: [LAKE, -93.2335],
  },
];
