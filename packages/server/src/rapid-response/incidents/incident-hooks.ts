import type { Incident } from '@tocsin/core';
import type { AppContext, Tx } from '../../platform';

/**
 * What the modules that hang off an incident do when it moves, inside the incident's own
 * transaction. Incidents is the lowest rapid-response module: it names none of them, and the
 * composition root (src/context.ts) fills this port with dispatch's and plates' functions.
 */
export interface IncidentHooks {
  /** A report just opened this incident: offer it to responders nearby (round 1). */
  opened(ctx: AppContext, tx: Tx, incident: Incident, exclude: string[]): Promise<unknown>;
  /** The incident is over: whoever was on the way stands down. */
  ended(ctx: AppContext, tx: Tx, incidentId: string): Promise<unknown>;
  /** The incident was confirmed (verified, or merged into a confirmed one). */
  confirmed(ctx: AppContext, tx: Tx, incidentId: string): Promise<unknown>;
}

declare module '../../platform/context' {
  interface AppContext {
    /** Dispatch's and plates' part in an incident's life, attached by the composition root. */
    incidentHooks: IncidentHooks;
  }
}
