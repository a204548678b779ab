import { canonicalPlate, normalizePlate, plateKey } from './plates';

/**
 * The stored key of a plate as a person writes it ("mn abc-123" → "MN:ABC123"), or as a key
 * ("MN:ABC123"); null when it cannot be a plate. With the city's default state the key is the
 * canonical one (canonicalPlate): "ABC123", "MNABC123" and "MN-ABC-123" give "MN:ABC123".
 */
export function parsePlateKey(raw: string, defaultState?: string): string | null {
  const asKey = /^\s*([A-Za-z]{2})\s*:\s*(.+)$/.exec(raw);
  const plate = normalizePlate(asKey ? `${asKey[1]} ${asKey[2]}` : raw);
  // A key names its state; if the prefix was not a state, it was not a key.
  if (!plate || (asKey && plate.state === undefined)) return null;
  const canonical = canonicalPlate(plate, defaultState);
  return canonical === null ? null : plateKey(canonical);
}
