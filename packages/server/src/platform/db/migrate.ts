import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './database';
import { migrations } from './migrations';

/** Applies every pending migration; applied ones are recorded in `kysely_migration`. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Name the schema explicitly: Kysely looks for its bookkeeping tables in every schema, so
  // another schema's tables (parallel test suites, a shared server) would fool it.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema ?? 'public';
  // Every start finds nothing to apply, as a rule: one query says so, where Kysely's migrator
  // would introspect the catalog and take its lock (0.3–0.7 s on PGlite; see BENCHMARKS.md).
  const applied = await sql<{
    name: string;
  }>`select name from ${sql.id(schema, 'kysely_migration')}`
    .execute(db)
    .then((result) => new Set(result.rows.map((row) => row.name)))
    .catch(() => null);
  if (applied && Object.keys(migrations).every((name) => applied.has(name))) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableSchema: schema,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause =
      result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${cause}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
