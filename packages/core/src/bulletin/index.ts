export * from './approval';
export * from './coalesce';
export * from './days';
export * from './digest';
export * from './headcount';
export * from './quiet-hours';
export * from './reminders';
