import { sql } from 'kysely';
import type { Database, Db } from './database';

/** How long a rewrite waits for its tables' lock before giving up (it must not queue readers). */
const LOCK_TIMEOUT = '5s';

/**
 * `VACUUM FULL` of some tables, on one connection, outside any transaction: each is written into
 * a new file in the order of its live rows and the old file, with its dead rows, is unlinked; the
 * indexes are rebuilt. It waits at most LOCK_TIMEOUT for its exclusive lock, then throws.
 */
export async function vacuumFull(db: Db, tables: readonly (keyof Database)[]) {
  await db.connection().execute(async (conn) => {
    await sql`set lock_timeout = ${sql.lit(LOCK_TIMEOUT)}`.execute(conn);
    try {
      await sql`vacuum full ${sql.join(tables.map((t) => sql.table(t)))}`.execute(conn);
    } finally {
      await sql`reset lock_timeout`.execute(conn);
    }
  });
}
