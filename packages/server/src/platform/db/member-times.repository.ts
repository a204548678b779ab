import { sql } from 'kysely';
import type { Database, Executor } from './database';

/** Tables with a `member_id`: the ones that can record when a member did something. */
type MemberTable = {
  [T in keyof Database]: 'member_id' extends keyof Database[T] ? T : never;
}[keyof Database];

/**
 * When one member did something since `since`, oldest first, in milliseconds: the times a
 * sliding-window quota (core's quotaWaitMs) counts, from any table that records them with the
 * member's id and a time column (plate lookups, reports, ...).
 */
export async function memberTimesSince<T extends MemberTable>(
  db: Executor,
  table: T,
  column: keyof Database[T] & string,
  memberId: string,
  since: Date,
): Promise<number[]> {
  const at = sql.ref(column);
  const { rows } = await sql<{ at: Date }>`
    select ${at} as at from ${sql.table(table)}
    where member_id = ${memberId} and ${at} > ${since}
    order by ${at}`.execute(db);
  return rows.map((row) => row.at.getTime());
}
