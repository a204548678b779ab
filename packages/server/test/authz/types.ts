import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context';
import type { BuiltMember } from '../helpers/factories';

/**
 * Who calls. "This area" is the area the route acts on (a neighborhood, `world.area`); every
 * persona below except the organizers and the admin holds its role there, active unless said.
 */
export const PERSONAS = [
  'anonymous',
  'probation', // member role in this area, status probation
  'member',
  'responder', // on shift
  'verifier',
  'dispatcher',
  'otherOrganizer', // organizer of another neighborhood
  'organizer', // organizer of this area
  'admin',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The shared fixtures of the matrix run. */
export interface World {
  app: FastifyInstance;
  ctx: AppContext;
  cityId: string;
  /** "This area": a neighborhood of the real demo pack. */
  area: { id: string; slug: string };
  /** Another neighborhood. */
  otherArea: { id: string; slug: string };
  /** A workplace inside this area (private). */
  workplace: { id: string };
  /** The personas' members; `anonymous` has none. */
  members: Record<Exclude<Persona, 'anonymous'>, BuiltMember>;
  /** A point inside this area. */
  point: { lat: number; lng: number };
}

export interface MatrixRequest {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/**
 * One route of the API. `request` builds a fresh request for a persona (with its own targets, so
 * cases never depend on each other); `expect` is the exact status each persona must get.
 */
export interface MatrixEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route exactly as registered, e.g. `/api/v1/members/:id/vouch`. */
  url: string;
  request: (world: World, persona: Persona) => Promise<MatrixRequest>;
  expect: Record<Persona, number>;
  /** Tells apart several entries of one route (another kind of target); shown in test titles. */
  case?: string;
  /**
   * Cells where the code does not yet do what `expect` says (the intended policy), each with why.
   * They run as expected failures, so the suite stays green until the fix lands and then fails
   * until the note is removed. Never use this to make a new failure pass.
   */
  knownIssues?: Partial<Record<Persona, string>>;
}

/** Expectations for a public route: everyone, signed in or not, gets `status`. */
export function everyone(status: number): Record<Persona, number> {
  return { ...everyMember(status), anonymous: status };
}

/**
 * Expectations for a route every signed-in persona may use, or (with `except`) where every
 * signed-in persona gets `status` but those named: `everyMember(403, { organizer: 200 })`.
 */
export function everyMember(
  status: number,
  except: Partial<Record<Exclude<Persona, 'anonymous'>, number>> = {},
): Record<Persona, number> {
  return {
    anonymous: 401,
    probation: status,
    member: status,
    responder: status,
    verifier: status,
    dispatcher: status,
    otherOrganizer: status,
    organizer: status,
    admin: status,
    ...except,
  };
}

/** The same known issue (see `MatrixEntry.knownIssues`) for several personas. */
export function knownIssue(
  personas: readonly Persona[],
  note: string,
): Partial<Record<Persona, string>> {
  return Object.fromEntries(personas.map((persona) => [persona, note]));
}
