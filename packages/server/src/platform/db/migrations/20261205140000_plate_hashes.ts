import { sql, type Kysely } from 'kysely';

/**
 * Plates are kept only as a keyed, slow hash (ADR 0008). SQL cannot compute that hash (the key is
 * not in the database), so the clear plates already stored stay in `plates.plate_hash`, marked
 * `clear`, until the next start rehashes them in the app before it serves anything
 * (rehashClearPlates). Until then nothing is listed twice and nothing new is stored in clear.
 *
 * - plate_key becomes plate_hash in plates, plate_incidents and plate_approvals.
 * - An approval carries an opaque tag; its verifier id is kept only while the listing is
 *   undecided. Approvals of plates already listed lose their verifier and keep the day.
 * - plate_lookups keep who looked up and when (the quota), never which plate: the hashes there
 *   were an HMAC under the server key, reversed by enumeration in under a minute.
 * - Audit entries about plates lose their actor and that fast hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['plates', 'plate_incidents', 'plate_approvals']) {
    await sql`alter table ${sql.table(table)} rename column plate_key to plate_hash`.execute(db);
  }
  await sql`alter table plates add column clear boolean not null default false`.execute(db);
  await sql`update plates set clear = true`.execute(db);

  await sql`alter table plate_approvals drop constraint plate_approvals_pk`.execute(db);
  await sql`alter table plate_approvals alter column verifier_id drop not null`.execute(db);
  await sql`alter table plate_approvals
    add column approver_tag text not null default md5(random()::text || clock_timestamp()::text)`.execute(
    db,
  );
  await sql`alter table plate_approvals alter column approver_tag drop default`.execute(db);
  await sql`alter table plate_approvals
    add constraint plate_approvals_pk primary key (plate_hash, approver_tag)`.execute(db);
  await sql`alter table plate_approvals
    add constraint plate_approvals_verifier unique (plate_hash, verifier_id)`.execute(db);
  await sql`update plate_approvals a
    set verifier_id = null, approved_at = date_trunc('day', a.approved_at)
    from plates p where p.plate_hash = a.plate_hash and p.listed_at is not null`.execute(db);

  await sql`alter table plate_lookups drop column plate_hash`.execute(db);
  await sql`create index plate_lookups_member_at on plate_lookups (member_id, at)`.execute(db);
  await sql`create index plate_lookups_at on plate_lookups (at)`.execute(db);
  await sql`update audit_log set actor_id = null, details = details - 'plateHash'
    where action like 'plate.%'`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
}

export async function down(): Promise<void> {
  // The clear plates and the links to their approvers are gone on purpose: there is no way back.
  throw new Error('20261205140000_plate_hashes cannot be undone');
}
