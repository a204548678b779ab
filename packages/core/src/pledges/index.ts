export {
  anonymizedCount,
  DEFAULT_COUNT_STEP,
  DEFAULT_MIN_COUNT,
  DEFAULT_PUBLISH_MINUTES,
  fewerThan,
  isFewerThan,
  publicationSlot,
  shownPercent,
  shownPublished,
  slotStart,
  steppedCount,
  steppedValue,
} from './counts';
export type { FewerThan, ShownCount } from './counts';
export { sectorSeries } from './series';
export type { Publication, SectorPoint } from './series';
export { applyPledge, CAMPAIGN_STATES, cityMet, workplaceMet } from './thresholds';
export type {
  CampaignState,
  CampaignTally,
  CityCondition,
  PledgeRefusal,
  PledgeStep,
  WorkplaceCondition,
  WorkplaceTally,
} from './thresholds';
