// Public surface of organizing/council: other modules import from here, never from its files.
export { councilRoutes } from './council.routes';
