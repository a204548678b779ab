import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fitInside } from './photo-compress';

it('fits any picture inside the bound, keeping its shape and never enlarging it', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 20_000 }),
      fc.integer({ min: 1, max: 20_000 }),
      fc.integer({ min: 16, max: 4096 }),
      (width, height, max) => {
        const out = fitInside(width, height, max);
        expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(max);
        expect(out.width).toBeLessThanOrEqual(width);
        expect(out.height).toBeLessThanOrEqual(height);
        if (Math.max(width, height) <= max) expect(out).toEqual({ width, height });
        // Same shape, to within the rounding of one pixel on each side.
        const scale = Math.min(1, max / Math.max(width, height));
        expect(Math.abs(out.width - width * scale)).toBeLessThanOrEqual(1);
        expect(Math.abs(out.height - height * scale)).toBeLessThanOrEqual(1);
      },
    ),
  );
});
