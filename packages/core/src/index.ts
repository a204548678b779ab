export * from './geo';
export * from './city';
export * from './salute';
export * from './identity';
export * from './incidents';
export * from './api';
export * from './events';
export * from './limits';
