/** A cell → members map (e.g. subscriptions) whose look-ups cost in proportion to the cells asked about and the members found. */
export class CellIndex<T> {
  readonly #byCell = new Map<string, Set<T>>();

  /** Number of cells with at least one member. */
  get cellCount(): number {
    return this.#byCell.size;
  }

  add(cell: string, item: T): void {
    const items = this.#byCell.get(cell);
    if (items === undefined) this.#byCell.set(cell, new Set([item]));
    else items.add(item);
  }

  addAll(cells: Iterable<string>, item: T): void {
    for (const cell of cells) this.add(cell, item);
  }

  remove(cell: string, item: T): void {
    const items = this.#byCell.get(cell);
    if (items === undefined) return;
    items.delete(item);
    // Drop emptied cells so memory follows live subscriptions, not every cell ever used.
    if (items.size === 0) this.#byCell.delete(cell);
  }

  removeAll(cells: Iterable<string>, item: T): void {
    for (const cell of cells) this.remove(cell, item);
  }

  /** Members of any of the cells, each once. */
  collect(cells: Iterable<string>): Set<T> {
    const found = new Set<T>();
    for (const cell of cells) {
      const items = this.#byCell.get(cell);
      if (items !== undefined) for (const item of items) found.add(item);
    }
    return found;
  }
}
