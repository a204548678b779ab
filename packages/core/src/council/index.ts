export * from './mandates';
export * from './ratification';
export * from './seats';
export * from './weighted';
