// Public surface of organizing/pledges: other modules import from here, never from its files.
export { pledgesRoutes } from './pledges.routes';
export { CampaignPusher, CampaignStream, matchPledgers } from './campaign-notice';
export { pledgeTag } from './campaigns.service';
