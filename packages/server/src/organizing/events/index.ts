// Public surface of organizing/events: other modules import from here, never from its files.
export { calendarUrl } from './calendar';
export { eventsRoutes } from './events.routes';
export { eventsTicker } from './events.jobs';
export { publicEventPage } from './public-page';
