/** English strings of responders. */
export const respond = {
  respond: {
    title: 'Responder',
    intro:
      'On shift, you are asked to go when something is reported near you. Your location is kept only as a rough area.',
    onShift: 'You are on shift.',
    offShift: 'You are off shift.',
    goOn: 'Go on shift',
    goOff: 'Go off shift',
    noLocation: 'Your location could not be found: without it, no dispatch can reach you.',
    dispatches: 'Dispatches',
    none: 'No dispatch right now.',
    asked: 'You are asked to go',
    notification: 'Tocsin: you are asked to go',
    openIncident: 'See the incident',
    answer: {
      accept: 'Accept: I am going',
      decline: 'Decline',
      on_scene: 'I am on the scene',
      clear: 'Clear: I am done',
    },
    state: {
      offered: 'Asked to go',
      accepted: 'Going',
      declined: 'Declined',
      on_scene: 'On the scene',
      clear: 'Done',
      stood_down: 'No longer needed',
      expired: 'Expired',
    },
  },
};
