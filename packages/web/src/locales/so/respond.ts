import type { Messages } from '../en';

/** Strings of responders. */
export const respond: Pick<Messages, 'respond'> = {
  respond: {
    title: 'Jawaab-bixiye',
    intro:
      'Marka aad shaqada ku jirto, waxaa lagu weydiinayaa inaad tagto marka wax lagu soo sheego meel kuu dhow. Goobtaada waxaa loo kaydiyaa aag qiyaas ah oo keliya.',
    onShift: 'Shaqada ayaad ku jirtaa.',
    offShift: 'Shaqada kuma jirtid.',
    goOn: 'Bilow shaqada',
    goOff: 'Dhammee shaqada',
    noLocation: 'Goobtaada lama helin: la’aanteed, codsi u tag ah kuuma iman karo.',
    dispatches: 'Codsiyada u tagista',
    none: 'Hadda codsi ma jiro.',
    asked: 'Waxaa lagu weydiinayaa inaad tagto',
    notification: 'Tocsin: waxaa lagu weydiinayaa inaad tagto',
    openIncident: 'Arag dhacdada',
    answer: {
      accept: 'Aqbal: waan tagayaa',
      decline: 'Diid',
      on_scene: 'Goobta ayaan joogaa',
      clear: 'Waan dhammeeyay',
    },
    state: {
      offered: 'Lagu weydiiyay inaad tagto',
      accepted: 'Waa socdaa',
      declined: 'La diiday',
      on_scene: 'Goobta ayuu joogaa',
      clear: 'Dhammaaday',
      stood_down: 'Hadda looma baahna',
      expired: 'Wakhtigii ka dhacay',
    },
  },
};
