import { sql } from 'kysely';
import type { AppContext } from '../../src/platform/context';

/** The `table.column`s of the schema (text, json and array columns) where `needle` occurs: a subpoena's grep of a dump. */
export async function findEverywhere(ctx: AppContext, needle: string): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`.execute(ctx.db);
  const hits: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const found = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table_name)}
      where ${sql.ref(column_name)}::text like ${`%${needle}%`}`.execute(ctx.db);
    if ((found.rows[0]?.n ?? 0) > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

/** Every row of every table of the schema, by table: what a seized database holds. */
export async function dumpTables(
  ctx: AppContext,
): Promise<Record<string, Record<string, unknown>[]>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
    order by table_name`.execute(ctx.db);
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const { table_name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table_name)}`.execute(
      ctx.db,
    );
    dump[table_name] = rows.rows;
  }
  return dump;
}
