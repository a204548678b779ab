import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellIndex } from './cell-index';

describe('CellIndex', () => {
  it('collects the union of members of the given cells, each once', () => {
    const index = new CellIndex<string>();
    index.addAll(['a', 'b'], 'alice');
    index.add('b', 'bob');
    index.add('c', 'carol');
    expect(index.collect(['a', 'b', 'z'])).toEqual(new Set(['alice', 'bob']));
    expect(index.collect([])).toEqual(new Set());
  });

  it('forgets cells once their last member leaves', () => {
    const index = new CellIndex<number>();
    index.addAll(['a', 'b'], 1);
    index.add('a', 2);
    index.removeAll(['a', 'b'], 1);
    expect(index.cellCount).toBe(1);
    index.remove('a', 2);
    index.remove('never-added', 3);
    expect(index.cellCount).toBe(0);
    expect(index.collect(['a', 'b'])).toEqual(new Set());
  });

  it('agrees with a naive list of (cell, member) pairs', () => {
    const cell = fc.constantFrom('a', 'b', 'c', 'd');
    const op = fc.record({ add: fc.boolean(), cell, member: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(op), fc.array(cell), (ops, query) => {
        const index = new CellIndex<number>();
        let pairs: { cell: string; member: number }[] = [];
        for (const op of ops) {
          pairs = pairs.filter((p) => p.cell !== op.cell || p.member !== op.member);
          if (op.add) {
            index.add(op.cell, op.member);
            pairs.push(op);
          } else {
            index.remove(op.cell, op.member);
          }
        }
        const queried = new Set<string>(query);
        const expected = new Set(pairs.filter((p) => queried.has(p.cell)).map((p) => p.member));
        expect(index.collect(query)).toEqual(expected);
      }),
    );
  });
});
