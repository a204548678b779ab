import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import { freshDatabase } from '../lib/cluster';
const d = await freshDatabase('tocsin_fkcheck');
const db = await openDatabase({ kind: 'postgres', url: d.url });
await migrateToLatest(db.db);
const r = await sql<{
  conname: string;
  def: string;
}>`select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'alert_deliveries'::regclass`.execute(
  db.db,
);
console.log(r.rows);
const pgl = await openDatabase({ kind: 'pglite', dataDir: null });
await migrateToLatest(pgl.db);
console.log(
  (
    await sql<{
      conname: string;
    }>`select conname from pg_constraint where conrelid = 'alert_deliveries'::regclass`.execute(
      pgl.db,
    )
  ).rows,
);
await pgl.close();
await db.close();
await d.drop();
