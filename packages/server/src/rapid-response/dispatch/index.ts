// Public surface of rapid-response/dispatch: other modules import from here, never from its files.
export { offerDispatches, standDownDispatches } from './dispatch.service';
export { dispatchStream } from './dispatch.stream';
export { ConsoleStream } from './console.stream';
