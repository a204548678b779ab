import { sql, type Kysely } from 'kysely';

/**
 * Quick choices stored as codes (issue 20, language-neutral content).
 * - `incidents.activity_code`: the quick choice of the report that opened the incident; the app
 *   words it in each reader's language. `activity` keeps only words a reporter typed.
 * - Backfill: before codes, a quick choice was stored as its button's words in the reporter's
 *   language. Rows whose activity is exactly one of those words (the four languages' labels as
 *   they were shipped until now) get the code and lose the words, in incidents and in reports'
 *   SALUTE. Anything else typed stays as written and still renders as text.
 */
const SHIPPED_LABELS: Record<string, readonly string[]> = {
  detaining: [
    'Agents detaining someone',
    'Agentes deteniendo a alguien',
    'Wakiillo qof xiraya',
    'Tub ceev xwm ntes ib tus neeg',
  ],
  checkpoint: ['Checkpoint', 'Retén', 'Baaritaan waddo', 'Chaw nres kuaj'],
  vehicles: [
    'Agent vehicles waiting',
    'Vehículos de agentes esperando',
    'Baabuurta wakiillada oo sugaya',
    'Tsheb tub ceev xwm tos',
  ],
  doors: [
    'Agents knocking on doors',
    'Agentes tocando puertas',
    'Wakiillo albaabada garaacaya',
    'Tub ceev xwm khob qhov rooj',
  ],
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents add column activity_code text
    check (activity_code in ('detaining','checkpoint','vehicles','doors'))`.execute(db);
  for (const [code, labels] of Object.entries(SHIPPED_LABELS)) {
    const list = sql.join(labels.map((l) => sql`${l}`));
    await sql`update incidents set activity_code = ${code}, activity = null
      where activity in (${list})`.execute(db);
    await sql`update reports
      set salute = (salute - 'activity') || jsonb_build_object('activityCode', ${code}::text)
      where salute->>'activity' in (${list})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table incidents drop column activity_code`.execute(db);
}
