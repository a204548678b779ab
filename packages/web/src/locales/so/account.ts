import type { Messages } from '../en';

/** Strings of the account tools in settings: display name, new recovery codes. */
export const account: Pick<Messages, 'account'> = {
  account: {
    nameLabel: 'Magacaaga xubnaha kale (ikhtiyaari)',
    nameHint:
      'Waxaa lagu muujiyaa shirarka iyo kooxaha ag naanaystaada. Madhan u dhaaf si lagugu aqoonsado naanaystaada oo keliya.',
    nameSave: 'Kaydi magaca',
    nameSaved: 'Magaca waa la kaydiyay.',
    codesTitle: 'Koodhadhka soo celinta',
    codesHint:
      'Warqadda ma lumisay, mise koodhadh ayaad isticmaashay? Samee toban cusub. Koodhadhkii aad hore u kaydisay isla markiiba way joogsanayaan.',
    codesNew: 'Samee koodhadh soo celin cusub',
    codesSure: 'Ma samaynaysaa koodhadh cusub? Koodhadhkii aad hore u kaydisay way shaqayn doonin.',
    codesDone: 'Koodhadhkaaga soo celinta ee cusub. Kuwii hore mar dambe ma shaqeeyaan.',
  },
};
