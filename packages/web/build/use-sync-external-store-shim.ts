// react-i18next imports `use-sync-external-store/shim`: a copy of React's `useSyncExternalStore`
// for React before 18, which hands back React's own hook when there is one. React 19 always has
// it, so the build resolves the shim to React's hook and leaves the copy (about 0.8 KB gzipped)
// out of the startup chunk (`vite.config.ts`).
export { useSyncExternalStore } from 'react';
