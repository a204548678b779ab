// A stream worker's process (src/stream-worker.ts), forked by `tocsin start` when
// TOCSIN_STREAM_WORKERS is set. Like the `tocsin` command it runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/stream-worker.ts');
