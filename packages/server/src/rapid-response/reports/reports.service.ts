import { randomUUID } from 'node:crypto';
import {
  mergeReport,
  missingRequired,
  canonicalPlateKey,
  plateKey,
  quotaWaitMs,
  type IncidentState,
  type MergedSalute,
  type Principal,
  type ReportInput,
} from '@tocsin/core';
import {
  AppError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  memberTimesSince,
  transact,
  type AppContext,
} from '../../platform';
import { canSeeArea } from '../../membership';
import { actingRole, displayPlate, findIncident, intakeReport } from '../incidents';
import { hashPlates, recordPlateSightings } from '../plates';
import { isOnShift } from '../shifts';
import { resolvePlace } from './place';
import { REPORT_LIMITS } from './reports.policy';
import { findReport, insertReport, reportTimesOfSponsorFamily } from './reports.repository';

export interface ReportResult {
  created: boolean;
  report: { id: string; salute: MergedSalute; plates: string[] };
  incident: { id: string; state: IncidentState; reporters: number };
}

async function existing(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<ReportResult | null> {
  const report = await findReport(ctx.db, id);
  if (!report) return null;
  if (report.member_id !== principal.memberId)
    throw new ConflictError('id_taken', 'id: already used');
  const incident = await findIncident(ctx.db, report.incident_id);
  if (!incident) throw new NotFoundError();
  return {
    created: false,
    report: {
      id: report.id,
      salute: report.salute ?? {},
      plates: report.plates.map(displayPlate),
    },
    incident: { id: incident.id, state: incident.state, reporters: incident.reporter_count },
  };
}

async function checkRateLimits(ctx: AppContext, principal: Principal): Promise<void> {
  const now = ctx.clock.now().getTime();
  const since = new Date(now - REPORT_LIMITS.windowMs);
  const refuse = (times: number[], limit: number, code: string, message: string) => {
    const { windowMs } = REPORT_LIMITS;
    const wait = quotaWaitMs({ limit, windowMs }, times, now);
    if (wait !== null) throw new RateLimitedError(code, message, wait / 1000);
  };
  refuse(
    await memberTimesSince(ctx.db, 'reports', 'received_at', principal.memberId, since),
    REPORT_LIMITS.perMember,
    'report_rate_limited',
    'Too many reports from you in a short time',
  );
  if (principal.sponsorId) {
    refuse(
      (await reportTimesOfSponsorFamily(ctx.db, principal.sponsorId, since)).map((t) =>
        t.received_at.getTime(),
      ),
      REPORT_LIMITS.perSponsorFamily,
      'sponsor_rate_limited',
      'Too many reports from members invited by the same person',
    );
  }
}

/**
 * Takes a report: validates and merges its fields with its text, places it at bounded precision,
 * joins it to the nearest open incident in range or opens one, and lets the rules decide the
 * incident's state and alerts, all in one transaction. A retry with the same id returns the
 * first result and creates nothing.
 */
export async function submitReport(
  ctx: AppContext,
  principal: Principal,
  input: ReportInput,
): Promise<ReportResult> {
  if (input.id) {
    const found = await existing(ctx, principal, input.id);
    if (found) return found;
  }
  const areas = await ctx.areas.get();
  const settings = areas.settings;
  if (!settings) throw new AppError(503, 'no_city', 'No city pack is loaded');
  const namedArea = input.areaId ? areas.byId.get(input.areaId) : undefined;
  // A private workplace the reporter does not belong to answers like an unknown id.
  if (
    input.areaId &&
    (!namedArea || !canSeeArea(principal, namedArea.kind, areas.chain(input.areaId)))
  ) {
    throw new ValidationError('areaId: no such area', [
      { path: 'areaId', message: 'no such area' },
    ]);
  }
  const now = ctx.clock.now();
  const merged = mergeReport(input, { now, timeZone: settings.timeZone });
  const place = resolvePlace(areas, {
    lat: merged.salute.location?.lat,
    lng: merged.salute.location?.lng,
    text: merged.salute.location?.text,
    areaId: input.areaId,
  });
  const missing = missingRequired(merged, { placeResolved: place !== null });
  if (missing.length > 0 || !place) {
    const fields = missing.length > 0 ? missing : ['salute.location'];
    throw new ValidationError(
      fields.map((f) => `${f}: required`).join('; '),
      fields.map((path) => ({ path, message: 'required' })),
    );
  }
  await checkRateLimits(ctx, principal);

  const chain = areas.chainOrCity(place.areaId);
  const role = actingRole(principal, chain);
  const onShift = role === 'responder' && (await isOnShift(ctx.db, principal.memberId));
  const reportId = input.id ?? randomUUID();
  // One key per plate however it was written (core canonicalPlate, the city's default state).
  const plateKeys = merged.plates.map(
    (p) => canonicalPlateKey(p, settings.plateDefaultState) ?? plateKey(p),
  );
  const plates = plateKeys.map(displayPlate);
  // Slow on purpose, so outside the transaction: the plate records hold only these hashes.
  const plateHashes = await hashPlates(ctx, plateKeys);
  const activity = merged.salute.activity ?? null;
  const activityCode = merged.salute.activityCode ?? null;
  const { lat, lng } = place.point;
  // Store what the reporter gave, but coordinates only as the bounded cell center.
  const salute: MergedSalute = {
    ...merged.salute,
    ...(merged.salute.location
      ? {
          location: {
            ...merged.salute.location,
            ...(merged.salute.location.lat !== undefined ? { lat, lng } : {}),
          },
        }
      : {}),
  };

  try {
    return await transact(ctx, async (tx) => {
      const incident = await intakeReport(
        ctx,
        tx,
        {
          report: {
            memberId: principal.memberId,
            sponsorId: principal.sponsorId,
            vouched: principal.status === 'active',
            role,
            onShift,
            at: now.getTime(),
          },
          lat,
          lng,
          areaId: place.areaId,
          activity,
          activityCode,
        },
        settings,
      );
      const inserted = await insertReport(tx, {
        id: reportId,
        memberId: principal.memberId,
        incidentId: incident.id,
        receivedAt: now,
        observedAt: merged.timeResolved ? new Date(merged.timeResolved) : null,
        areaId: place.areaId,
        salute,
        text: input.text ?? null,
        cell: place.cell,
        lat,
        lng,
        plates: plateKeys,
      });
      if (!inserted) throw new ReportRaceError();
      await recordPlateSightings(ctx, tx, incident.id, plateHashes, now);
      return {
        created: true,
        report: { id: reportId, salute, plates },
        incident,
      };
    });
  } catch (error) {
    // Two tries of the same report at once: the loser rolls back and answers like a retry.
    if (error instanceof ReportRaceError && input.id) {
      const found = await existing(ctx, principal, input.id);
      if (found) return found;
    }
    throw error;
  }
}

class ReportRaceError extends Error {}
