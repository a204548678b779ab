import type { Messages } from '../en';

/** Strings of the account tools in settings: display name, new recovery codes. */
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
  },
};
