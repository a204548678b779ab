import { formatPlate, normalizePlate } from '@tocsin/core/salute/plates';

const KEY_FORM = /^\s*([A-Za-z]{2})\s*:\s*(.+)$/;

/**
 * A plate as the server will read it: "mn abc-123" → "MN ABC123", and a stored key "MN:ABC123"
 * the same; null when it cannot be a plate (the server would refuse it).
 */
export function readPlate(raw: string): string | null {
  const key = KEY_FORM.exec(raw);
  const plate = normalizePlate(key ? `${key[1]} ${key[2]}` : raw);
  if (!plate || (key && plate.state === undefined)) return null;
  return formatPlate(plate);
}
