import type { AuthFailureKind, Executor } from '../../platform';

/** Counts one failed attempt of a kind on its UTC day: a number, nothing about who or where. */
export async function countAuthFailure(
  db: Executor,
  kind: AuthFailureKind,
  now: Date,
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await db
    .insertInto('auth_failure_counts')
    .values({ day, kind, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['day', 'kind'])
        .doUpdateSet((eb) => ({ count: eb('auth_failure_counts.count', '+', 1) })),
    )
    .execute();
}

/** Failed attempts per kind since a day (inclusive, YYYY-MM-DD). */
export async function authFailureTotals(db: Executor, sinceDay: string) {
  return db
    .selectFrom('auth_failure_counts')
    .select(['kind', (eb) => eb.fn.sum<string>('count').as('total')])
    .where('day', '>=', sinceDay)
    .groupBy('kind')
    .execute();
}
