import type { z } from 'zod';

/** One event of the catalog: the version its producers write and the schema of its payload. */
export interface EventDefinition {
  readonly version: number;
  readonly payload: z.ZodType;
}

/** The events one group of modules writes, by name (`<noun>.<past participle>`). */
export type EventGroup = Readonly<Record<string, EventDefinition>>;

/** Declares an event: a strict payload schema, so a field the catalog does not name is refused. */
export function defineEvent<const V extends number, S extends z.ZodType>(
  version: V,
  payload: S,
): { readonly version: V; readonly payload: S } {
  return { version, payload };
}
