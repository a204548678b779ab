export * from './geo/index';
export * from './city/index';
export * from './salute/index';
