export * from './roles';
export * from './role-grants';
