export * from './matching';
export * from './requests';
export * from './stats';
export * from './visibility';
