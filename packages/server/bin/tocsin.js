#!/usr/bin/env node
// The `tocsin` command. Tocsin runs its TypeScript sources directly through tsx (see docs/adr).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
