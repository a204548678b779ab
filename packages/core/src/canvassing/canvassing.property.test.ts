import fc from 'fast-check';
import { cellToChildren, cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { K_MIN, shownCount } from '../privacy/k-anon';
import { noteExpired, NOTE_KEEP_DAYS, residentDataIn } from './notes';
import {
  coverageBand,
  doorsOf,
  DOOR_OUTCOMES,
  emptyTally,
  shownTally,
  sumTallies,
  talliesByCell,
} from './outcomes';
import {
  checkTurfCells,
  isTurfCell,
  toggleTurfCell,
  TURF_MAX_CELLS,
  TURF_RES,
  turfCellAt,
  turfCellsOfArea,
} from './turf';

// Around Minneapolis.
const point = fc.record({
  lat: fc.double({ min: 44.89, max: 45.05, noNaN: true }),
  lng: fc.double({ min: -93.33, max: -93.19, noNaN: true }),
});
const outcome = fc.constantFrom(...DOOR_OUTCOMES);

describe('turf cells', () => {
  it('takes cells of the turf resolution, drops repeats, and refuses finer or coarser ones', () => {
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 15 }),
        (points, res) => {
          const cells = points.map((p) => latLngToCell(p.lat, p.lng, TURF_RES));
          const check = checkTurfCells([...cells, ...cells]);
          expect(check.ok).toBe(true);
          if (check.ok) expect(check.cells).toEqual([...new Set(cells)]);
          const other = latLngToCell(points[0]!.lat, points[0]!.lng, res);
          const mixed = checkTurfCells([...cells, other]);
          if (res === TURF_RES) expect(mixed.ok).toBe(true);
          else
            expect(mixed).toMatchObject({
              ok: false,
              index: cells.length,
              reason: res > TURF_RES ? 'too_fine' : 'too_coarse',
            });
        },
      ),
    );
  });

  it('never accepts a door cell finer than the turf, even inside a turf cell', () => {
    fc.assert(
      fc.property(point, fc.integer({ min: TURF_RES + 1, max: 15 }), (p, res) => {
        const cell = latLngToCell(p.lat, p.lng, TURF_RES);
        const fine = latLngToCell(p.lat, p.lng, res);
        expect(isTurfCell(cell, new Set([cell]))).toBe(true);
        expect(isTurfCell(fine, new Set([cell]))).toBe(false);
      }),
    );
  });

  it('turns an area of any resolution into turf cells that cover the same ground', () => {
    fc.assert(
      fc.property(point, fc.integer({ min: 7, max: 12 }), (p, res) => {
        const areaCell = latLngToCell(p.lat, p.lng, res);
        const cells = turfCellsOfArea([areaCell]);
        expect(cells.every((c) => getResolution(c) === TURF_RES)).toBe(true);
        if (res <= TURF_RES) expect(cells.length).toBe(cellToChildren(areaCell, TURF_RES).length);
        else expect(cells).toEqual([cellToParent(areaCell, TURF_RES)]);
      }),
    );
  });
});

describe('drawing a turf on the map', () => {
  // Taps around Minneapolis, a few blocks apart or on the same block.
  const tap = fc.record({
    lat: fc.double({ min: 44.89, max: 45.05, noNaN: true }),
    lng: fc.double({ min: -93.33, max: -93.19, noNaN: true }),
  });

  it('a tap selects the block under it; a second tap on the same block takes it out', () => {
    fc.assert(
      fc.property(fc.array(tap, { maxLength: 40 }), (taps) => {
        let cells: string[] = [];
        for (const t of taps) cells = toggleTurfCell(cells, t);
        // Each block is in exactly when it was tapped an odd number of times.
        const times = new Map<string, number>();
        for (const t of taps) times.set(turfCellAt(t), (times.get(turfCellAt(t)) ?? 0) + 1);
        const odd = [...times].filter(([, n]) => n % 2 === 1).map(([c]) => c);
        expect(new Set(cells)).toEqual(new Set(odd));
        expect(new Set(cells).size).toBe(cells.length);
        // What is drawn is what the server takes: valid turf cells, nothing finer or coarser.
        const checked = checkTurfCells(cells);
        expect(checked.ok).toBe(true);
        for (const c of cells) expect(getResolution(c)).toBe(TURF_RES);
      }),
    );
  });

  it('never holds more blocks than a turf may have', () => {
    const full = Array.from({ length: TURF_MAX_CELLS }, (_, i) =>
      turfCellAt({ lat: 44.9 + Math.floor(i / 50) * 0.002, lng: -93.3 + (i % 50) * 0.002 }),
    );
    const unique = [...new Set(full)];
    expect(unique.length).toBe(TURF_MAX_CELLS);
    expect(toggleTurfCell(unique, { lat: 45.2, lng: -93.0 })).toHaveLength(TURF_MAX_CELLS);
    // Taking one out still works at the cap.
    expect(toggleTurfCell(unique, { lat: 44.9, lng: -93.3 }).length).toBe(TURF_MAX_CELLS - 1);
  });
});

describe('door counts', () => {
  it('counts every door once, whatever the order of cells and turfs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cell: fc.constantFrom('a', 'b', 'c'),
            outcome,
            doors: fc.integer({ min: 1, max: 9 }),
          }),
        ),
        (rows) => {
          const byCell = talliesByCell(rows);
          const total = rows.reduce((s, r) => s + r.doors, 0);
          expect(doorsOf(sumTallies(byCell.values()))).toBe(total);
          expect(doorsOf(sumTallies([...byCell.values()].reverse()))).toBe(total);
        },
      ),
    );
  });

  it('never shows a count of 1 to 4, at any breakdown', () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 40 }), (outcomes) => {
        const tally = emptyTally();
        for (const o of outcomes) tally[o] += 1;
        const shown = shownTally(tally);
        for (const o of DOOR_OUTCOMES) {
          const v = shown[o];
          if (tally[o] > 0 && tally[o] < K_MIN) expect(v).toBeNull();
          else expect(v).toBe(tally[o]);
        }
        const doors = doorsOf(tally);
        expect(shownCount(doors) === null).toBe(doors > 0 && doors < K_MIN);
        expect(coverageBand(doors)).toBe(
          doors === 0 ? 'none' : doors < 5 ? 'few' : doors < 20 ? 'some' : 'many',
        );
      }),
    );
  });
});

describe('notes', () => {
  it('expire exactly at the keep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 86_400_000 }), (ageMs) => {
        const written = new Date('2026-12-01T00:00:00Z');
        const now = new Date(written.getTime() + ageMs);
        expect(noteExpired(written, now)).toBe(ageMs >= NOTE_KEEP_DAYS * 86_400_000);
      }),
    );
  });

  it('refuse addresses, units, house numbers, phones and emails, and keep ordinary notes', () => {
    for (const bad of [
      'blue house at 3412 Bloomington Ave S',
      'lives at 2200 E 35th St',
      'Apt 4B, ask for the aunt',
      'unit #12',
      'call 612 555 0100',
      'write to neighbor@example.org',
      'house 42 by the park',
    ]) {
      expect(residentDataIn(bad), bad).not.toBeNull();
    }
    for (const ok of [
      'Interested in the tenants meeting, come back on a weekend',
      'Dog in the yard; knock loudly',
      'Spoke Spanish, took a flyer',
      '2 adults interested in rapid response training',
    ]) {
      expect(residentDataIn(ok), ok).toBeNull();
    }
  });
});
