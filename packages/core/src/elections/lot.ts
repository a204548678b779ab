// Drawing lots from a seed: the same seed, stage and tied candidates always draw the same one, so a
// recount with the published seed reproduces every lot. The seed must be chosen where no one can
// steer it (the election publishes it); the generator only has to spread it evenly.

const MASK = (1n << 64n) - 1n;

/** FNV-1a over the UTF-8 bytes of the text: a 64-bit number that stands for it. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & MASK;
  }
  return hash;
}

/** One output of SplitMix64 for the given state: mixes every bit of the input into the result. */
function splitmix64(state: bigint): bigint {
  let z = (state + 0x9e3779b97f4a7c15n) & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

/**
 * Draws one of `tied` by lot. The draw depends on the seed, the stage it decides and what it
 * decides, and on the tied candidates as a set (they are put in ballot-paper order first).
 */
export function drawLot(
  seed: string,
  stage: number,
  reason: string,
  tied: readonly { index: number; name: string }[],
): number {
  const ordered = [...tied].sort((a, b) => a.index - b.index);
  const key = [seed, String(stage), reason, ...ordered.map((c) => c.name)].join('\u0000');
  const draw = splitmix64(fnv1a64(key));
  return ordered[Number(draw % BigInt(ordered.length))]!.index;
}
