// Public surface of rapid-response/dispatch: other modules import from here, never from its files.
export { standDownOpenDispatches } from './dispatch.repository';
export { offerDispatches } from './dispatch.service';
