import type { Messages } from '../en';

/** Strings of the account tools in settings: display name, new recovery codes, passkeys, neighborhoods. */
export const account: Pick<Messages, 'account'> = {
  account: {
    nameLabel: 'Koj lub npe rau lwm cov tswv cuab (xaiv tau)',
    nameHint:
      'Qhia hauv cov rooj sib tham thiab cov pab pawg ntawm ib sab koj lub npe hu. Tso kom khoob kom luag paub koj los ntawm koj lub npe hu xwb.',
    nameSave: 'Txuag lub npe',
    nameSaved: 'Lub npe txuag lawm.',
    codesTitle: 'Cov lej rov qab nkag',
    codesHint:
      'Ploj daim ntawv, los yog siv qee tus lej lawm? Ua kaum tus tshiab. Cov lej koj txuag yav dhau los yuav tsis siv tau lawm tam sim ntawd.',
    codesNew: 'Ua cov lej rov qab nkag tshiab',
    codesSure: 'Ua cov lej tshiab? Cov lej koj txuag yav dhau los yuav tsis siv tau lawm.',
    codesDone: 'Koj cov lej rov qab nkag tshiab. Cov qub tsis siv tau lawm.',
    passkeyTitle: 'Cov passkey',
    passkeyHint:
      'Ib tug passkey cia koj nkag nrog koj tus ntiv tes, koj lub ntsej muag los yog lub xauv npo. Ntxiv ib tug kom koj rov nkag tau yam tsis siv tus lej rov qab.',
    passkeyAdd: 'Ntxiv ib tug passkey',
    passkeyAdded: 'Ntxiv passkey lawm. Nws nyob nrog koj cov khoom siv.',
    passkeyUnavailable: 'Lub xov tooj no ua tsis tau passkey.',
    areasTitle: 'Cov zej zog koj koom nrog',
    areasHint:
      'Cov tswv cuab ntawm ib lub zej zog koom nws tej rooj sib tham, pab pawg thiab kev pov npav. Koj xaiv cov kev ceeb toom koj tau hauv Kev ceeb toom.',
    areasNone: 'Koj tseem tsis tau koom ib lub zej zog twg.',
    joinLabel: 'Koom ib lub zej zog',
    joinPick: 'Xaiv ib lub zej zog',
    join: 'Koom',
    joined: 'Koj koom {{name}} lawm.',
    leave: 'Tawm',
    leaveNamed: 'Tawm ntawm {{name}}',
    leaveSure: 'Tawm ntawm {{name}}? Txhua txoj hauj lwm koj muaj nyob ntawd yuav xaus.',
    left: 'Koj tawm ntawm {{name}} lawm.',
  },
};
