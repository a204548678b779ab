// Public surface of organizing/council: other modules import from here, never from its files.
export { councilRoutes } from './council.routes';
// The delegates hear of their committee's new mandates: the stream topic and the calm push.
export { MandateStream, mandateCalmSource } from './mandate-notice';
