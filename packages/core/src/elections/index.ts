export * from './blt';
export * from './lot';
export * from './scottish-stv';
export * from './phase';
export * from './ballot-token';
export * from './receipt';
