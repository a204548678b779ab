import type { Messages } from '../en';

/** Strings of the welcome and join screens. */
export const onboarding: Pick<Messages, 'welcome' | 'join'> = {
  welcome: {
    title: 'Zoo siab txais tos rau Tocsin',
    intro:
      'Tocsin pab cov neeg zej zog ceeb toom rau ib leeg thaum muaj cov neeg tub ceev xwm txawj ntse (immigration) nyob ze. Koj koom nrog los ntawm txoj kab txuas caw los ntawm ib tus neeg koj paub.',
    noInvite:
      'Yog xav koom, thov ib tus tswv cuab uas koj ntseeg siab xa txoj kab txuas caw rau koj thiab qhib nws hauv lub xov tooj no.',
    haveAccount: 'Koj twb yog tswv cuab lawm?',
    deviceLogin: 'Nkag nrog tus yuam sij ntawm lub xov tooj no',
    passkeyLogin: 'Nkag nrog tus yuam sij nkag (passkey)',
    recoveryTitle: 'Koj poob koj lub xov tooj los yog koj tus yuam sij?',
    recoveryLabel: 'Tus lej rov qab nkag',
    recoveryHint:
      'Ib tus ntawm kaum tus lej koj tau khaws cia thaum koj koom, xws li 7KQ2-MXW4-PD9T-R3HE.',
    recoveryHandle: 'Koj lub npe menyuam yaus (xws li quiet-heron-4821)',
    recoverySubmit: 'Siv tus lej rov qab nkag no',
    offline: 'Koj tsis muaj internet. Txuas internet thiaj nkag tau.',
    working: 'Tos ib pliag…',
  },
  join: {
    title: 'Koom nrog Tocsin',
    step: 'Kauj ruam {{step}} ntawm 3',
    intro:
      'Ib tus neeg zej zog caw koj. Koj tus account tsis muaj npe, tus xov tooj los yog email, tsuas muaj ib lub npe hu uas xaiv tsis raws cai xwb.',
    missingCode:
      'Txoj kab txuas no tsis muaj tus lej caw. Qhib tag nrho txoj kab txuas uas xa tuaj rau koj.',
    create: 'Tsim kuv tus account',
    passkeyInfo:
      'Koj lub xov tooj yuav nug koj tus ntiv tes, koj lub ntsej muag los yog lub xauv npo kom tsim tau tus yuam sij nkag rau Tocsin.',
    deviceKeyInfo:
      'Yuav tsim ib tus yuam sij zais cia rau koj tus account, khaws cia hauv lub xov tooj no xwb.',
    useDeviceKey: 'Siv tus yuam sij khaws hauv lub xov tooj no hloov',
    creating: 'Tab tom tsim koj tus account…',
    created: 'Koj tus account npaj txhij lawm. Koj lub npe hu yog {{handle}}.',
    codesTitle: 'Khaws koj cov lej rov qab nkag',
    codesIntro:
      'Yog koj poob lub xov tooj no, cov lej no yog tib txoj kev rov qab nkag tau rau koj tus account. Txhua tus lej siv tau ib zaug xwb. Lawv tsuas qhia zaum no xwb.',
    codesAdvice:
      'Sau lawv rau ntawv thiab khaws daim ntawv rau qhov chaw nyab xeeb, deb ntawm lub xov tooj no.',
    codesHandle:
      'Sau koj lub npe menyuam yaus {{handle}} rau ntawm ib sab: koj xav tau lub npe thiab ib tus lej thiaj rov nkag tau.',
    codesLabel: 'Koj cov lej rov qab nkag',
    copy: 'Theej cov lej',
    copied: 'Theej lawm. Muab lo rau qhov chaw nyab xeeb, ces muab tshem tawm ntawm qhov theej.',
    saved: 'Kuv tau khaws cov lej no rau qhov chaw nyab xeeb lawm',
    continue: 'Mus ntxiv',
    prefsTitle: 'Lus thiab kev ceeb toom',
    prefsIntro:
      'Xaiv koj hom lus thiab cov zej zog uas koj xav tau kev ceeb toom. Koj hloov tau tom qab hauv Chaw teeb tsa.',
    finish: 'Khaws thiab pib',
    skip: 'Hla rau tam sim no',
    notifyNotNow: 'Tsis yog tam sim no',
    notifyLater: 'Koj qhib tau tom qab hauv Chaw teeb tsa.',
    notifyFailed: 'Qhib tsis tau cov lus ceeb toom. Koj sim dua tom qab hauv Chaw teeb tsa.',
    signedIn: 'Koj twb nkag hauv lub xov tooj no lawm.',
  },
};
