import { openDatabase } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import { sql } from 'kysely';
const t0 = performance.now();
const db = await openDatabase({ kind: 'pglite', dataDir: process.argv[2]! + '/pg' });
const t1 = performance.now();
const r = await sql`select name from kysely_migration`.execute(db.db);
const t2 = performance.now();
await migrateToLatest(db.db);
const t3 = performance.now();
await migrateToLatest(db.db);
const t4 = performance.now();
console.log({
  open: t1 - t0,
  firstQuery: t2 - t1,
  migrate: t3 - t2,
  migrateAgain: t4 - t3,
  rows: r.rows.length,
});
await db.close();
