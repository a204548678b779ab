export * from './k-anon';
