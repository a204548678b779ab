/** Hmong (draft) strings of the devices and vouching screens. */
export const trust = {
  devices: {
    title: 'Koj cov khoom siv',
    link: 'Koj cov khoom siv thiab cov yuam sij',
    intro:
      'Cov xov tooj thiab cov passkey uas nkag tau rau hauv koj tus as khauj. Yog tias ib lub xov tooj ploj los yog raug txeeb, muab nws tshem ntawm no. Yog tias koj tsis muaj ib yam khoom siv li, siv koj lub npe menyuam yaus thiab ib tus lej rov qab rau lwm lub xov tooj: qhov ntawd tshem tag nrho cov khoom siv qub.',
    listLabel: 'Cov khoom siv uas nkag tau',
    kind: {
      device_key: 'Yuam sij xov tooj',
      passkey: 'Passkey',
    },
    added: 'Ntxiv rau {{day}}',
    lastUsed: 'siv zaum kawg {{day}}',
    neverUsed: 'tseem tsis tau siv',
    current: 'lub khoom siv no',
    revokeShort: 'Tshem',
    revoke: 'Tshem {{name}}',
    revokeSure: 'Tshem {{name}}? Nws yuav nkag tsis tau ntxiv lawm.',
    revokeConfirm: 'Yog, tshem nws',
    revoked: 'Tshem lawm. Nws nkag tsis tau ntxiv lawm.',
    none: 'Tsis muaj khoom siv.',
    everywhere: 'Tawm txhua qhov chaw',
    everywhereHint:
      'Xaus txhua qhov kev nkag thiab tshem txhua lub xov tooj thiab passkey lwm. Lub khoom siv no tseem nyob thiab rov nkag tau.',
    everywhereSure: 'Tawm txhua qhov chaw thiab tshem txhua lub khoom siv lwm?',
    back: 'Rov qab mus rau chaw teeb tsa',
  },
  vouch: {
    title: 'Lav tim ntsej muag',
    link: 'Lav rau ib tug neeg tim ntsej muag',
    myCodeTitle: 'Koj tus lej',
    myCodeIntro:
      'Qhia qhov no rau ib tug tswv cuab uas paub koj. Thaum nws luam thiab lav rau koj, koj yuav ua tus tswv cuab tiag.',
    myCodeLabel: 'QR code nrog koj lub npe menyuam yaus {{handle}}',
    scanTitle: 'Lav rau ib tug neeg',
    scanIntro:
      'Tsuas lav rau tus neeg koj paub, tim ntsej muag xwb. Luam tus lej ntawm nws lub xov tooj, los yog ntaus lub npe nyob hauv qab.',
    scan: 'Luam nws tus lej',
    stopScan: 'Kaw lub koob yees duab',
    cameraLabel: 'Koob yees duab',
    noCamera:
      'Siv tsis tau lub koob yees duab ntawm no. Ntaus lub npe nyob hauv qab nws tus lej xwb.',
    handle: 'Nws lub npe menyuam yaus',
    submit: 'Lav rau tus tswv cuab no',
    done: '{{handle}} tam sim no yog ib tug tswv cuab tiag lawm.',
    notActive: 'Thaum lwm tus tswv cuab lav rau koj lawm, koj kuj lav tau rau lwm tus.',
  },
};
