import type { Messages } from '../en';

/** Strings of responders. */
export const respond: Pick<Messages, 'respond'> = {
  respond: {
    title: 'Tus teb',
    intro:
      'Thaum koj ua hauj lwm, koj yuav raug hais kom mus thaum muaj ib yam qhia ze koj. Koj qhov chaw tsuas khaws ua ib cheeb tsam kwv yees xwb.',
    onShift: 'Koj tab tom ua hauj lwm.',
    offShift: 'Koj tsis ua hauj lwm.',
    goOn: 'Pib ua hauj lwm',
    goOff: 'Tso hauj lwm',
    noLocation:
      'Nrhiav tsis tau koj qhov chaw: yog tsis muaj, yuav tsis muaj lus hais kom mus tuaj txog koj.',
    dispatches: 'Lus hais kom mus',
    none: 'Tam sim no tsis muaj.',
    asked: 'Koj raug hais kom mus',
    notification: 'Tocsin: koj raug hais kom mus',
    openIncident: 'Saib qhov xwm txheej',
    answer: {
      accept: 'Txais: kuv mus',
      decline: 'Tsis kam',
      on_scene: 'Kuv nyob ntawm qhov chaw lawm',
      clear: 'Kuv ua tiav lawm',
    },
    state: {
      offered: 'Raug hais kom mus',
      accepted: 'Tab tom mus',
      declined: 'Tsis kam',
      on_scene: 'Nyob ntawm qhov chaw',
      clear: 'Tiav lawm',
      stood_down: 'Tsis xav tau lawm',
      expired: 'Tas sij hawm lawm',
    },
  },
};
