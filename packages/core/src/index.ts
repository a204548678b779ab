export * from './geo/index';
export * from './city/index';
export * from './salute/index';
export * from './identity/index';
export * from './incidents/index';
export * from './api/views';
