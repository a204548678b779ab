export * from './geo/index';
export * from './city/index';
