import { z } from 'zod';
import { gazetteerSchema } from '../places/gazetteer-schema';
import { reportInputSchema } from '../salute/report-input';
import {
  challengeBody,
  challengeResponse,
  loginBody,
  recoverBody,
  recoverResponse,
  registerBody,
  registerResponse,
  tokenResponse,
} from './auth';
import * as cv from './canvassing';
import * as m from './membership';
import * as e from './elections';
import * as cn from './council';
import * as bb from './ballot-box';
import * as sv from './secret-votes';
import * as ma from './mutual-aid';
import * as o from './organizing';
import * as pl from './pledges';
import * as b from './bulletin';
import {
  loginOptionsBody,
  loginOptionsResponse,
  loginVerifyBody,
  passkeyParams,
  passkeySchema,
  registerOptionsBody,
  registerOptionsResponse,
  registerVerifyBody,
  registerVerifyResponse,
} from './passkeys';
import { healthResponse, readinessResponse } from './platform';
import * as rr from './rapid-response';
import {
  alertPreferencesViewSchema,
  areaStatsViewSchema,
  groupMemberViewSchema,
  groupViewSchema,
  homeFeedViewSchema,
  incidentDetailViewSchema,
  incidentSummaryViewSchema,
} from './views';

/** The schemas of one operation, as a Fastify route's `schema` takes them. */
export interface Operation {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response?: Record<number, z.ZodType>;
}

/**
 * API v1, one entry per operation ('METHOD /path' as Fastify registers it): the server's routes
 * spread their entry into their schema, so OpenAPI, validation and the serializer use these; the
 * web client's types are inferred from them. A route without an entry fails the contract test.
 * The WebSocket stream (GET /api/v1/stream) is not here: its messages are in ./stream.
 */
export const apiV1 = {
  'GET /api/v1/health': { response: { 200: healthResponse } },
  'GET /api/v1/ready': { response: { 200: readinessResponse, 503: readinessResponse } },

  'POST /api/v1/auth/device/register': { body: registerBody, response: { 201: registerResponse } },
  'POST /api/v1/auth/device/challenge': {
    body: challengeBody,
    response: { 200: challengeResponse },
  },
  'POST /api/v1/auth/device/login': { body: loginBody, response: { 200: tokenResponse } },
  'POST /api/v1/auth/recover': { body: recoverBody, response: { 200: recoverResponse } },
  'POST /api/v1/auth/logout': {},
  'POST /api/v1/auth/passkey/register/options': {
    body: registerOptionsBody,
    response: { 200: registerOptionsResponse },
  },
  'POST /api/v1/auth/passkey/register/verify': {
    body: registerVerifyBody,
    response: { 201: registerVerifyResponse },
  },
  'POST /api/v1/auth/passkey/login/options': {
    body: loginOptionsBody,
    response: { 200: loginOptionsResponse },
  },
  'POST /api/v1/auth/passkey/login/verify': {
    body: loginVerifyBody,
    response: { 200: tokenResponse },
  },
  'GET /api/v1/me/passkeys': { response: { 200: z.array(passkeySchema) } },
  'DELETE /api/v1/me/passkeys/:id': { params: passkeyParams },

  'GET /api/v1/me': { response: { 200: m.meSchema } },
  'PATCH /api/v1/me': { body: m.updateMeBody, response: { 200: m.meSchema } },
  'GET /api/v1/me/sessions': { response: { 200: z.array(m.sessionSchema) } },
  'DELETE /api/v1/me/sessions/:sessionId': { params: m.sessionParams },
  'POST /api/v1/me/sessions/revoke-all': {},
  'GET /api/v1/me/devices': { response: { 200: z.array(m.deviceSchema) } },
  'DELETE /api/v1/me/devices/:id': { params: m.deviceParams },
  'POST /api/v1/me/device-keys': { body: m.deviceKeyBody },
  'POST /api/v1/me/recovery-codes': { response: { 201: m.recoveryCodesResponse } },

  'POST /api/v1/members/vouch': { body: m.vouchBody, response: { 200: m.memberStatusResponse } },
  'POST /api/v1/members/:id/vouch': {
    params: m.memberParams,
    response: { 200: m.memberStatusResponse },
  },
  'POST /api/v1/members/:id/approve': {
    params: m.memberParams,
    response: { 200: m.memberStatusResponse },
  },
  'POST /api/v1/members/:id/suspend': {
    params: m.memberParams,
    body: m.suspendBody,
    response: { 200: m.suspendResponse },
  },
  'POST /api/v1/members/:id/reinstate': {
    params: m.memberParams,
    response: { 200: m.memberStatusResponse },
  },
  'PUT /api/v1/areas/:areaId/members/:memberId/roles': {
    params: m.areaMemberParams,
    body: m.rolesBody,
    response: { 200: m.rolesResponse },
  },
  'GET /api/v1/role-grants': { response: { 200: z.array(m.roleGrantSchema) } },
  'POST /api/v1/role-grants/:id/countersign': {
    params: m.roleGrantParams,
    response: { 200: m.roleGrantSchema },
  },
  'POST /api/v1/role-grants/:id/refuse': {
    params: m.roleGrantParams,
    response: { 200: m.roleGrantSchema },
  },
  'GET /api/v1/areas/:areaId/members': {
    params: m.areaParams,
    response: { 200: z.array(m.areaMemberSchema) },
  },

  'POST /api/v1/invites': { body: m.inviteBody, response: { 201: m.createdInviteSchema } },
  'GET /api/v1/invites': { response: { 200: z.array(m.inviteInfoSchema) } },
  'DELETE /api/v1/invites/:id': { params: m.inviteParams },

  'GET /api/v1/city': { response: { 200: m.publicCitySchema } },
  'GET /api/v1/city/places': { response: { 200: gazetteerSchema } },

  'GET /api/v1/areas': { response: { 200: z.array(m.areaSchema) } },
  'GET /api/v1/areas/outlines': { response: { 200: m.areaOutlinesSchema } },
  'GET /api/v1/areas/:areaId': { params: m.areaParams, response: { 200: m.areaDetailsSchema } },
  'POST /api/v1/areas': {
    body: m.newWorkplaceBody,
    response: { 200: m.areaDetailsSchema, 201: m.areaDetailsSchema },
  },
  'POST /api/v1/areas/:areaId/join': {
    params: m.areaParams,
    response: { 200: m.areaDetailsSchema },
  },
  'DELETE /api/v1/areas/:areaId/membership': { params: m.areaParams },

  'GET /api/v1/areas/:areaId/groups': {
    params: m.areaParams,
    response: { 200: z.array(groupViewSchema) },
  },
  'POST /api/v1/areas/:areaId/groups': {
    params: m.areaParams,
    body: m.newGroupBody,
    response: { 200: groupViewSchema, 201: groupViewSchema },
  },
  'POST /api/v1/groups/:groupId/join': {
    params: m.groupParams,
    response: { 200: groupViewSchema },
  },
  'POST /api/v1/groups/:groupId/leave': {
    params: m.groupParams,
    response: { 200: groupViewSchema },
  },
  'GET /api/v1/groups/:groupId/members': {
    params: m.groupParams,
    response: { 200: z.array(groupMemberViewSchema) },
  },

  'GET /api/v1/push/key': { response: { 200: m.pushKeyResponse } },
  'POST /api/v1/me/push-subscriptions': {
    body: m.pushSubscriptionBody,
    response: { 201: m.pushSubscriptionResponse },
  },
  'DELETE /api/v1/me/push-subscriptions': { body: m.pushUnsubscribeBody },

  'POST /api/v1/reports': {
    body: reportInputSchema,
    response: { 200: rr.reportAnswerSchema, 201: rr.reportAnswerSchema },
  },
  'POST /api/v1/reports/:id/photos': {
    params: rr.photoUploadParams,
    querystring: rr.photoUploadQuery,
    response: { 200: rr.storedPhotoSchema, 201: rr.storedPhotoSchema },
  },
  'GET /api/v1/reports/:reportId/photos': {
    params: rr.reportPhotosParams,
    response: { 200: z.array(rr.photoItemSchema) },
  },
  'GET /api/v1/reports/:reportId/photos/:photoId': { params: rr.photoParams },

  'GET /api/v1/incidents': {
    querystring: rr.incidentsQuery,
    response: { 200: z.array(incidentSummaryViewSchema) },
  },
  'GET /api/v1/incidents/:id': {
    params: rr.incidentParams,
    response: { 200: incidentDetailViewSchema },
  },
  'POST /api/v1/incidents/:id/verification': {
    params: rr.incidentParams,
    body: rr.verificationBody,
    response: { 200: rr.incidentStateResponse },
  },
  'POST /api/v1/incidents/:id/end': {
    params: rr.incidentParams,
    body: rr.endIncidentBody,
    response: { 200: rr.incidentStateResponse },
  },
  'POST /api/v1/incidents/:id/merge': {
    params: rr.incidentParams,
    body: rr.mergeIncidentBody,
    response: { 200: rr.mergeIncidentResponse },
  },

  'GET /api/v1/plates/:plate': { params: rr.plateParams, response: { 200: rr.plateLookupSchema } },
  'POST /api/v1/plates/:plate/approvals': {
    params: rr.plateParams,
    body: rr.plateApprovalBody,
    response: { 200: rr.plateApprovalSchema },
  },
  'DELETE /api/v1/plates/:plate': { params: rr.plateParams, body: rr.plateRemovalBody },

  'POST /api/v1/dispatches/:id': {
    params: rr.dispatchParams,
    body: rr.dispatchAnswerBody,
    response: { 200: rr.dispatchAnswerResponse },
  },
  'POST /api/v1/dispatches/:id/stand-down': {
    params: rr.dispatchParams,
    body: rr.standDownBody,
    response: { 200: rr.dispatchAnswerResponse },
  },
  'POST /api/v1/incidents/:id/dispatches': {
    params: rr.incidentParams,
    body: rr.manualDispatchBody,
    response: { 200: rr.dispatchAnswerResponse },
  },
  'GET /api/v1/dispatch/responders': {
    querystring: rr.dispatchBoardQuery,
    response: { 200: rr.dispatchBoardSchema },
  },

  'GET /api/v1/me/alerts': { response: { 200: alertPreferencesViewSchema } },
  'PUT /api/v1/me/alerts': {
    body: rr.alertPreferencesBody,
    response: { 200: alertPreferencesViewSchema },
  },
  'PUT /api/v1/me/shift': { body: rr.shiftBody, response: { 200: rr.shiftResponse } },
  'GET /api/v1/me/feed': { response: { 200: homeFeedViewSchema } },

  'GET /api/v1/areas/:areaId/stats': {
    params: m.areaParams,
    querystring: rr.statsQuery,
    response: { 200: areaStatsViewSchema },
  },
  'GET /api/v1/bodies': { response: { 200: z.array(o.bodySchema) } },
  'GET /api/v1/bodies/:bodyId/roll': {
    params: o.bodyParams,
    response: { 200: o.bodyRollSchema },
  },
  'PUT /api/v1/bodies/:bodyId/officers': {
    params: o.bodyParams,
    body: o.officersBody,
    response: { 200: o.bodySchema },
  },
  'POST /api/v1/bodies/:bodyId/meetings': {
    params: o.bodyParams,
    body: o.newMeetingBody,
    response: { 201: o.meetingCreatedSchema },
  },
  'GET /api/v1/bodies/:bodyId/meetings': {
    params: o.bodyParams,
    response: { 200: z.array(o.meetingSummarySchema) },
  },
  'GET /api/v1/bodies/:bodyId/decisions': {
    params: o.bodyParams,
    querystring: o.decisionsQuery,
    response: { 200: z.array(o.decisionSchema) },
  },
  'GET /api/v1/meetings/:id': { params: o.meetingParams, response: { 200: o.meetingViewSchema } },
  'POST /api/v1/meetings/:id/open': {
    params: o.meetingParams,
    body: o.requestOnlyBody,
    response: { 200: o.meetingSummarySchema },
  },
  'POST /api/v1/meetings/:id/close': {
    params: o.meetingParams,
    body: o.requestOnlyBody,
    response: { 200: o.meetingSummarySchema },
  },
  'POST /api/v1/meetings/:id/agenda/next': {
    params: o.meetingParams,
    body: o.requestOnlyBody,
    response: { 200: o.agendaNextResponse },
  },
  'POST /api/v1/meetings/:id/check-in': {
    params: o.meetingParams,
    body: o.checkInBody,
    response: { 200: o.checkInResponse },
  },
  'POST /api/v1/meetings/:id/speakers': {
    params: o.meetingParams,
    body: o.speakerBody,
    response: { 201: o.speakerAnswer },
  },
  'DELETE /api/v1/meetings/:id/speakers/me': {
    params: o.meetingParams,
    response: { 200: o.withdrawSpeakerResponse },
  },
  'POST /api/v1/meetings/:id/speakers/next': {
    params: o.meetingParams,
    body: o.requestOnlyBody,
    response: { 200: o.nextSpeakerResponse },
  },
  'POST /api/v1/meetings/:id/speakers/order': {
    params: o.meetingParams,
    body: o.speakerOrderBody,
    response: { 200: o.meetingSummarySchema },
  },
  'POST /api/v1/meetings/:id/motions': {
    params: o.meetingParams,
    body: o.newMotionBody,
    response: { 201: o.motionSchema },
  },
  'POST /api/v1/motions/:id/second': {
    params: o.motionParams,
    body: o.requestOnlyBody,
    response: { 200: o.motionSchema },
  },
  'POST /api/v1/motions/:id/withdraw': {
    params: o.motionParams,
    body: o.requestOnlyBody,
    response: { 200: o.motionSchema },
  },
  'POST /api/v1/motions/:id/vote': {
    params: o.motionParams,
    body: o.openVoteBody,
    response: { 200: o.motionSchema },
  },
  'POST /api/v1/motions/:id/ballots': {
    params: o.motionParams,
    body: o.ballotBody,
    response: { 200: o.ballotAnswer },
  },
  'POST /api/v1/motions/:id/close-vote': {
    params: o.motionParams,
    body: o.requestOnlyBody,
    response: { 200: o.voteResultSchema },
  },
  'POST /api/v1/motions/:id/tokens': {
    params: o.motionParams,
    body: bb.tokenBody,
    response: { 200: bb.ballotTokenResponse },
  },
  'POST /api/v1/motions/:id/secret-ballots': {
    params: o.motionParams,
    body: sv.secretBallotBody,
    response: { 201: bb.castResponse },
  },
  'GET /api/v1/motions/:id/receipts': {
    params: o.motionParams,
    response: { 200: sv.motionReceiptsSchema },
  },
  'GET /api/v1/meetings/:id/minutes': {
    params: o.meetingParams,
    response: { 200: o.minutesSchema },
  },
  'PUT /api/v1/meetings/:id/minutes': {
    params: o.meetingParams,
    body: o.minutesBody,
    response: { 200: o.minutesSchema },
  },
  'POST /api/v1/meetings/:id/minutes/approve': {
    params: o.meetingParams,
    body: o.approveMinutesBody,
    response: { 200: o.minutesSchema },
  },
  'POST /api/v1/decisions/:decisionId/action-items': {
    params: o.decisionParams,
    body: o.newActionItemBody,
    response: { 201: o.actionItemSchema },
  },
  'PUT /api/v1/action-items/:itemId/status': {
    params: o.actionItemParams,
    body: o.actionItemStatusBody,
    response: { 200: o.actionItemSchema },
  },

  'POST /api/v1/workplaces': {
    body: pl.newWorkplaceProfileBody,
    response: { 200: pl.workplaceSchema, 201: pl.workplaceSchema },
  },
  'GET /api/v1/workplaces/:id': {
    params: pl.workplaceParams,
    response: { 200: pl.workplaceSchema },
  },
  'PUT /api/v1/workplaces/:id': {
    params: pl.workplaceParams,
    body: pl.workplaceProfileBody,
    response: { 200: pl.workplaceSchema },
  },
  'POST /api/v1/workplaces/:id/units': {
    params: pl.workplaceParams,
    body: pl.newUnitBody,
    response: { 201: pl.unitSchema },
  },
  'GET /api/v1/workplaces/:id/structure': {
    params: pl.workplaceParams,
    response: { 200: pl.structureSchema },
  },
  'GET /api/v1/workplaces/:id/members/pending': {
    params: pl.workplaceParams,
    response: { 200: pl.pendingMembersSchema },
  },
  'POST /api/v1/workplaces/:id/members/:memberId/confirm': {
    params: pl.workplaceMemberParams,
    body: pl.confirmMemberBody,
    response: { 200: pl.confirmedMemberSchema },
  },
  'GET /api/v1/me/workplace': { response: { 200: pl.myWorkplaceSchema } },
  'PUT /api/v1/me/workplace': {
    body: pl.myWorkplaceBody,
    response: { 200: pl.myWorkplaceSchema },
  },
  'POST /api/v1/campaigns': {
    body: pl.newCampaignBody,
    response: { 200: pl.campaignSchema, 201: pl.campaignSchema },
  },
  'GET /api/v1/campaigns': { response: { 200: z.array(pl.campaignSummarySchema) } },
  'GET /api/v1/campaigns/:id': {
    params: pl.campaignParams,
    response: { 200: pl.campaignSchema },
  },
  'GET /api/v1/campaigns/:id/history': {
    params: pl.campaignParams,
    response: { 200: pl.campaignHistorySchema },
  },
  'POST /api/v1/campaigns/:id/close': {
    params: pl.campaignParams,
    response: { 200: pl.campaignSchema },
  },
  'GET /api/v1/campaigns/:id/pledge': {
    params: pl.campaignParams,
    response: { 200: pl.myPledgeSchema },
  },
  'PUT /api/v1/campaigns/:id/pledge': {
    params: pl.campaignParams,
    response: { 200: pl.myPledgeSchema },
  },
  'DELETE /api/v1/campaigns/:id/pledge': {
    params: pl.campaignParams,
    response: { 200: pl.myPledgeSchema },
  },
  'GET /api/v1/council': { response: { 200: cn.councilViewSchema } },
  'PUT /api/v1/council/settings': {
    body: cn.councilSettingsBody,
    response: { 200: cn.councilSettingsSchema },
  },
  'POST /api/v1/bodies/:bodyId/delegates': {
    params: o.bodyParams,
    body: cn.appointDelegateBody,
    response: { 201: cn.delegateSchema },
  },
  'GET /api/v1/bodies/:bodyId/mandates': {
    params: o.bodyParams,
    response: { 200: cn.bodyMandatesSchema },
  },
  'PUT /api/v1/bodies/:bodyId/mandates/:itemId': {
    params: cn.mandateParams,
    body: cn.mandateBody,
    response: { 200: cn.mandateSchema },
  },
  'GET /api/v1/bodies/:bodyId/report-back/:meetingId': {
    params: cn.reportBackParams,
    response: { 200: cn.reportBackSchema },
  },
  'POST /api/v1/bodies/:bodyId/council-agenda': {
    params: o.bodyParams,
    body: cn.toCouncilAgendaBody,
    response: { 201: cn.toCouncilAgendaAnswer },
  },
  'GET /api/v1/council/ratifications': { response: { 200: cn.ratificationsSchema } },
  'POST /api/v1/council/decisions/:decisionId/ratification': {
    params: cn.councilDecisionParams,
    body: cn.requireRatificationBody,
    response: { 201: cn.ratificationSchema },
  },
  'PUT /api/v1/bodies/:bodyId/ratifications/:decisionId': {
    params: cn.ratifyParams,
    body: cn.ratifyBody,
    response: { 200: cn.ratificationSchema },
  },
  'GET /api/v1/bodies/:bodyId/elections': {
    params: o.bodyParams,
    response: { 200: e.bodyElectionsSchema },
  },
  'POST /api/v1/bodies/:bodyId/elections': {
    params: o.bodyParams,
    body: e.newElectionBody,
    response: { 201: e.electionSummarySchema },
  },
  'POST /api/v1/bodies/:bodyId/office-holders': {
    params: o.bodyParams,
    body: e.appointHolderBody,
    response: { 201: e.officeHolderSchema },
  },
  'GET /api/v1/elections/:id': {
    params: e.electionParams,
    response: { 200: e.electionViewSchema },
  },
  'POST /api/v1/elections/:id/nominations': {
    params: e.electionParams,
    body: e.nominateBody,
    response: { 201: e.nominationSchema },
  },
  'POST /api/v1/nominations/:id/accept': {
    params: e.nominationParams,
    body: e.acceptNominationBody,
    response: { 200: e.nominationSchema },
  },
  'POST /api/v1/elections/:id/tokens': {
    params: e.electionParams,
    body: bb.tokenBody,
    response: { 200: bb.ballotTokenResponse },
  },
  'POST /api/v1/elections/:id/ballots': {
    params: e.electionParams,
    body: e.castBody,
    response: { 201: bb.castResponse },
  },
  'GET /api/v1/elections/:id/ballots': {
    params: e.electionParams,
    response: { 200: e.ballotListSchema },
  },
  'GET /api/v1/elections/:id/blt': {
    params: e.electionParams,
    response: { 200: z.string() },
  },
  'POST /api/v1/office-holders/:id/recall': {
    params: e.officeHolderParams,
    body: e.recallBody,
    response: { 200: e.recallSchema },
  },
  // Canvassing (turfs, doors as per-cell counts, coverage) and mutual aid (board, private matching).
  'POST /api/v1/turfs': {
    body: cv.newTurfBody,
    response: { 200: cv.turfSchema, 201: cv.turfSchema },
  },
  'GET /api/v1/turfs': {
    querystring: cv.turfsQuery,
    response: { 200: z.array(cv.turfSummarySchema) },
  },
  'GET /api/v1/turfs/:id': { params: cv.turfParams, response: { 200: cv.turfSchema } },
  'POST /api/v1/turfs/:id/doors': {
    params: cv.turfParams,
    body: cv.doorBody,
    response: { 200: cv.doorAnswerSchema, 201: cv.doorAnswerSchema },
  },
  'GET /api/v1/canvass/coverage': {
    querystring: cv.coverageQuery,
    response: { 200: cv.coverageSchema },
  },
  'POST /api/v1/aid/requests': {
    body: ma.newAidRequestBody,
    response: { 201: ma.myAidRequestSchema },
  },
  'POST /api/v1/aid/offers': { body: ma.newAidOfferBody, response: { 201: ma.aidOfferSchema } },
  'DELETE /api/v1/aid/offers/:id': {
    params: ma.aidOfferParams,
    response: { 200: ma.aidOfferSchema },
  },
  'GET /api/v1/aid/board': {
    querystring: ma.aidAreaQuery,
    response: { 200: z.array(ma.boardItemSchema) },
  },
  'GET /api/v1/aid/mine': { response: { 200: ma.aidMineSchema } },
  'GET /api/v1/aid/queue': {
    querystring: ma.aidAreaQuery,
    response: { 200: z.array(ma.queueItemSchema) },
  },
  'GET /api/v1/aid/stats': { querystring: ma.aidAreaQuery, response: { 200: ma.aidStatsSchema } },
  'POST /api/v1/aid/requests/:id/take': {
    params: ma.aidRequestParams,
    body: ma.takeBody,
    response: { 200: ma.takeAnswerSchema },
  },
  'POST /api/v1/aid/requests/:id/match': {
    params: ma.aidRequestParams,
    body: ma.matchBody,
    response: { 200: ma.takeAnswerSchema },
  },
  'POST /api/v1/aid/requests/:id/close': {
    params: ma.aidRequestParams,
    body: ma.closeAidBody,
    response: { 200: ma.myAidRequestSchema },
  },
  'GET /api/v1/aid/matches/:id': {
    params: ma.aidMatchParams,
    response: { 200: ma.aidMatchSchema },
  },
  'POST /api/v1/aid/matches/:id/messages': {
    params: ma.aidMatchParams,
    body: ma.aidMessageBody,
    response: { 201: ma.aidMessageSchema },
  },
  'GET /api/v1/me/bulletin': { querystring: b.bulletinQuery, response: { 200: b.bulletinSchema } },
  'POST /api/v1/bodies/:bodyId/posts': {
    params: o.bodyParams,
    body: b.newPostBody,
    response: { 201: b.postSchema },
  },
  'GET /api/v1/posts/pending': { response: { 200: b.pendingPostsSchema } },
  'POST /api/v1/posts/:id/approve': { params: b.postParams, response: { 200: b.postSchema } },
  'POST /api/v1/posts/:id/withdraw': { params: b.postParams, response: { 200: b.postSchema } },
  'PUT /api/v1/bodies/:bodyId/follow': {
    params: o.bodyParams,
    body: b.followBody,
    response: { 200: b.followSchema },
  },
  'GET /api/v1/me/digest': { querystring: b.digestQuery, response: { 200: b.digestSchema } },
  'GET /api/v1/me/digest/settings': { response: { 200: b.digestSettingsSchema } },
  'PUT /api/v1/me/digest': {
    body: b.digestSettingsBody,
    response: { 200: b.digestSettingsSchema },
  },
  'POST /api/v1/bodies/:bodyId/events': {
    params: o.bodyParams,
    body: b.newEventBody,
    response: { 201: b.eventSchema },
  },
  'GET /api/v1/events': {
    querystring: b.eventsQuery,
    response: { 200: z.array(b.eventSummarySchema) },
  },
  'GET /api/v1/events/:id': { params: b.eventParams, response: { 200: b.eventSchema } },
  'PUT /api/v1/events/:id/rsvp': {
    params: b.eventParams,
    body: b.rsvpBody,
    response: { 200: b.eventSchema },
  },
  'POST /api/v1/events/:id/check-in': { params: b.eventParams, response: { 200: b.eventSchema } },
  'PUT /api/v1/events/:id/after-action': {
    params: b.eventParams,
    body: b.afterActionBody,
    response: { 200: b.eventSchema },
  },
  'GET /api/v1/me/calendar': { response: { 200: b.calendarUrlSchema } },
  'POST /api/v1/me/calendar/rotate': { response: { 200: b.calendarUrlSchema } },
  'GET /api/v1/me/calendar.ics': { querystring: b.calendarQuery },
  'GET /api/v1/bodies/:bodyId/calendar.ics': {
    params: o.bodyParams,
    querystring: b.calendarQuery,
  },
} as const satisfies Record<string, Operation>;

/** The operations of API v1, as 'METHOD /api/v1/path'. */
export type OperationKey = keyof typeof apiV1;

type Entry<K extends OperationKey> = (typeof apiV1)[K];
type Responses<K extends OperationKey> =
  Entry<K> extends { response: infer R } ? R : Record<never, never>;

/** What a client sends as the body of an operation. */
export type RequestBody<K extends OperationKey> =
  Entry<K> extends { body: infer B extends z.ZodType } ? z.input<B> : never;

/** What the server answers to an operation with a given status (200 unless named). */
export type ResponseBody<
  K extends OperationKey,
  S extends keyof Responses<K> = 200 extends keyof Responses<K> ? 200 : keyof Responses<K>,
> = Responses<K>[S] extends z.ZodType ? z.output<Responses<K>[S]> : never;
