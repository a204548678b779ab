import type { Messages } from '../en';

/** Strings of responders. */
export const respond: Pick<Messages, 'respond'> = {
  respond: {
    title: 'Respondedor',
    intro:
      'Durante su turno, se le pide ir cuando se reporta algo cerca de usted. Su ubicación se guarda solo como una zona aproximada.',
    onShift: 'Está de turno.',
    offShift: 'No está de turno.',
    goOn: 'Empezar turno',
    goOff: 'Terminar turno',
    noLocation: 'No se encontró su ubicación: sin ella no le puede llegar ningún aviso para ir.',
    dispatches: 'Avisos para ir',
    none: 'Por ahora no hay avisos.',
    asked: 'Le piden que vaya',
    notification: 'Tocsin: le piden que vaya',
    openIncident: 'Ver el incidente',
    answer: {
      accept: 'Aceptar: voy',
      decline: 'No puedo ir',
      on_scene: 'Estoy en el lugar',
      clear: 'Terminé',
    },
    state: {
      offered: 'Le piden ir',
      accepted: 'En camino',
      declined: 'Rechazado',
      on_scene: 'En el lugar',
      clear: 'Terminado',
      stood_down: 'Ya no se necesita',
      expired: 'Vencido',
    },
  },
};
