export * from './notes';
export * from './outcomes';
export * from './turf';
