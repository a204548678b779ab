import type { Executor } from './db';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  areaId?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** Records an act of authority (roles, approvals, suspensions, invites bound to roles). */
export async function audit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      area_id: entry.areaId ?? null,
      target_id: entry.targetId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}
