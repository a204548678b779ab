/** A passkey as its owner sees it: no key material, no transports. */
export interface PasskeyView {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function presentPasskey(row: {
  id: string;
  created_at: Date;
  last_used_at: Date | null;
}): PasskeyView {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
