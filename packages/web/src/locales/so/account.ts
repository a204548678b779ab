import type { Messages } from '../en';

/** Strings of the account tools in settings: display name, new recovery codes, passkeys, neighborhoods. */
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
    passkeyTitle: 'Furayaasha sirta',
    passkeyHint:
      'Furaha sirtu wuxuu kuu oggolaanayaa inaad ku gasho faraha, wejiga ama qufulka shaashadda. Ku dar mid si aad dib ugu soo gasho adigoon koodh soo celin isticmaalin.',
    passkeyAdd: 'Ku dar furaha sirta',
    passkeyAdded: 'Furaha sirta waa la daray. Waxa uu ku jiraa qalabkaaga.',
    passkeyUnavailable: 'Telefoonkani ma samayn karo furaha sirta.',
    areasTitle: 'Xaafadaha aad ka tirsan tahay',
    areasHint:
      'Xubnaha xaafaddu waxay ka qayb qaataan shirarkeeda, kooxaheeda iyo codbixinteeda. Digniinaha aad hesho waxaa lagu doortaa Digniinaha.',
    areasNone: 'Weli kama tirsanid xaafad.',
    joinLabel: 'Ku biir xaafad',
    joinPick: 'Dooro xaafad',
    join: 'Ku biir',
    joined: 'Waxaad ku biirtay {{name}}.',
    leave: 'Ka bax',
    leaveNamed: 'Ka bax {{name}}',
    leaveSure: 'Ka bax {{name}}? Door kasta oo aad halkaas ku leedahay wuu dhammaanayaa.',
    left: 'Waxaad ka baxday {{name}}.',
  },
};
