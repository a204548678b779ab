import type { Messages } from '../en';

/** Strings of the welcome and join screens. */
export const onboarding: Pick<Messages, 'welcome' | 'join'> = {
  welcome: {
    title: 'Ku soo dhawoow Tocsin',
    intro:
      'Tocsin waxay u oggolaataa derisyada inay isu digaan marka wakiillada socdaalka ay dhow yihiin. Waxaad ku biiraysaa xiriir casuumaad ah oo uu kuu soo diro qof aad taqaanno.',
    noInvite:
      'Si aad ugu biirto, xubin aad aaminsan tahay ka codso xiriir casuumaad, kuna fur telefoonkan.',
    haveAccount: 'Hore ma xubin u ahayd?',
    deviceLogin: 'Ku gal furaha telefoonkan',
    passkeyLogin: 'Ku gal furaha gelitaanka',
    recoveryTitle: 'Ma lumisay telefoonkaaga ama furahaaga?',
    recoveryLabel: 'Koodhka soo celinta',
    recoveryHint:
      'Mid ka mid ah tobanka koodh ee aad kaydsatay markii aad ku biirtay, sida 7KQ2-MXW4-PD9T-R3HE.',
    recoveryHandle: 'Naanaystaada (sida quiet-heron-4821)',
    recoverySubmit: 'Isticmaal koodhkan soo celinta',
    offline: 'Internet ma haysid. Ku xirmo internet-ka si aad u soo gasho.',
    working: 'Daqiiqad…',
  },
  join: {
    title: 'Ku biir Tocsin',
    step: 'Tallaabada {{step}} ee 3',
    intro:
      'Deris ayaa ku casuumay. Koontadaadu ma laha magac, lambar telefoon ama iimayl, kaliya naanays si nasiib ah loo doortay.',
    missingCode: 'Xiriirkan ma laha kood casuumaad. Fur xiriirka oo dhan ee laguu soo diray.',
    create: 'Samee koontadayda',
    passkeyInfo:
      'Telefoonkaagu wuxuu ku weydiin doonaa farahaaga, wejigaaga ama qufulka shaashadda si uu u sameeyo fure gelitaan oo Tocsin ah.',
    deviceKeyInfo:
      'Fure sir ah ayaa loo samayn doonaa koontadaada, waxaana lagu hayn doonaa telefoonkan oo keliya.',
    useDeviceKey: 'Beddelkeeda isticmaal fure ku jira telefoonkan',
    creating: 'Koontadaada ayaa la samaynayaa…',
    created: 'Koontadaadu waa diyaar. Naanaystaadu waa {{handle}}.',
    codesTitle: 'Kaydso koodhadhkaaga soo celinta',
    codesIntro:
      'Haddii aad lumiso telefoonkan, koodhadhkan ayaa ah sida keliya ee aad ugu soo laaban karto koontadaada. Kood kastaa hal mar ayuu shaqeeyaa. Hal mar oo keliya ayaa lagu tusayaa.',
    codesAdvice: 'Ku qor warqad oo warqadda meel ammaan ah ku hay, oo ka fog telefoonkan.',
    codesHandle:
      'Ku qor naanaystaada {{handle}} agtooda: waxaad u baahan tahay naanaysta iyo hal koodh si aad dib ugu soo gasho.',
    codesLabel: 'Koodhadhkaaga soo celinta',
    copy: 'Koobi samee koodhadhka',
    copied: 'Waa la koobiyeeyay. Meel ammaan ah dhig, kadibna ka tirtir meesha koobiga.',
    saved: 'Koodhadhkan meel ammaan ah ayaan ku kaydiyay',
    continue: 'Sii wad',
    prefsTitle: 'Luqadda iyo digniinaha',
    prefsIntro:
      'Dooro luqaddaada iyo xaafadaha aad rabto inaad digniin ka hesho. Hadhow waad ka beddeli kartaa Dejinta.',
    finish: 'Kaydi oo bilow',
    skip: 'Hadda ka bood',
    notifyNotNow: 'Hadda maya',
    notifyLater: 'Hadhow waad ka daari kartaa Dejinta.',
    notifyFailed: 'Ogeysiisyada lama daari karin. Hadhow mar kale isku day Dejinta.',
    signedIn: 'Hore ayaad telefoonkan ugu gashay.',
  },
};
