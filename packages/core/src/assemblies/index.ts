export * from './meeting-state';
export * from './minutes';
export * from './quorum';
export * from './recurrence';
export * from './secret-ballot-receipt';
export * from './speakers';
export * from './text-diff';
export * from './votes';
