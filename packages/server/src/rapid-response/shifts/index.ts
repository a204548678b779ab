// Public surface of rapid-response/shifts: other modules import from here, never from its files.
export { isOnShift } from './shifts.repository';
export { shiftsRoutes } from './shifts.routes';
export { setShift } from './shifts.service';
