// The named schemas of the contract (components/schemas), each one the zod schema the
// code itself validates requests with or types its answers by. Requests are read as
// the caller may send them (defaults optional); responses as the server writes them.
import { z } from "zod";
import {
  alertChannelResponseSchema,
  alertResponseSchema,
  createAlertChannelSchema,
  updateAlertChannelSchema,
} from "@/lib/alerts/schema";
import { attemptResponseSchema } from "@/lib/attempts/schema";
import { auditEntryResponseSchema } from "@/lib/audit/schema";
import {
  revealCredentialHeaderSchema,
  revealedCredentialHeaderSchema,
} from "@/lib/deliveries/schema";
import {
  createDestinationSchema,
  destinationResponseSchema,
  updateDestinationSchema,
} from "@/lib/destinations/schema";
import {
  createEndpointSchema,
  endpointResponseSchema,
  updateEndpointSchema,
} from "@/lib/endpoints/schema";
import {
  eventDetailResponseSchema,
  eventSummaryResponseSchema,
  listedEventResponseSchema,
} from "@/lib/events/schema";
import { jobFixtureSchema } from "@/lib/fixtures/schema";
import {
  errorBodySchema,
  errorStatuses,
  pageSchema,
  timestampSchema,
} from "@/lib/http/response-schemas";
import {
  jobDetailResponseSchema,
  jobResponseSchema,
  registeredJobsResponseSchema,
  registerJobSchema,
  registerJobsBatchSchema,
} from "@/lib/jobs/schema";
import {
  pollingSettingsResponseSchema,
  pollResponseSchema,
  putPollingSchema,
} from "@/lib/polling/schema";
import {
  bulkReplaySchema,
  jobReplaySchema,
  replayBatchResponseSchema,
  replayEventSchema,
  startedReplayResponseSchema,
} from "@/lib/replay/schema";
import { retentionRunResponseSchema } from "@/lib/retention/schema";
import { usageResponseSchema } from "@/lib/usage/schema";
import {
  createdInvitationResponseSchema,
  invitationResponseSchema,
  inviteSchema,
  memberResponseSchema,
  patchMemberSchema,
} from "@/lib/team/schema";

export const requestSchemas = {
  CreateEndpoint: createEndpointSchema,
  UpdateEndpoint: updateEndpointSchema,
  CreateDestination: createDestinationSchema,
  UpdateDestination: updateDestinationSchema,
  CreateAlertChannel: createAlertChannelSchema,
  UpdateAlertChannel: updateAlertChannelSchema,
  PutPolling: putPollingSchema,
  RegisterJob: registerJobSchema,
  RegisterJobs: registerJobsBatchSchema,
  ReplayEvent: replayEventSchema,
  BulkReplay: bulkReplaySchema,
  JobReplay: jobReplaySchema,
  RevealCredentialHeader: revealCredentialHeaderSchema,
  Invite: inviteSchema,
  PatchMember: patchMemberSchema,
} satisfies Record<string, z.ZodType>;

const errorSchemas = Object.fromEntries(
  errorStatuses.map((status) => [`Error${status}`, errorBodySchema(status)]),
);

export const responseSchemas = {
  Timestamp: timestampSchema,
  Endpoint: endpointResponseSchema,
  EndpointPage: pageSchema(endpointResponseSchema),
  Usage: usageResponseSchema,
  Destination: destinationResponseSchema,
  DestinationList: z.object({ items: z.array(destinationResponseSchema) }),
  AlertChannel: alertChannelResponseSchema,
  AlertChannelList: z.object({ items: z.array(alertChannelResponseSchema) }),
  Alert: alertResponseSchema,
  AlertPage: pageSchema(alertResponseSchema),
  PollingSettings: pollingSettingsResponseSchema,
  Poll: pollResponseSchema,
  PollPage: pageSchema(pollResponseSchema),
  PollNow: z.object({
    poll: pollResponseSchema,
    /** The provider says the job finished, and no callback for that state arrived. */
    missedCallback: z.boolean(),
  }),
  EventSummary: eventSummaryResponseSchema,
  ListedEvent: listedEventResponseSchema,
  EventPage: pageSchema(listedEventResponseSchema),
  EventDetail: eventDetailResponseSchema,
  Attempt: attemptResponseSchema,
  AttemptPage: pageSchema(attemptResponseSchema),
  Job: jobResponseSchema,
  JobPage: pageSchema(jobResponseSchema),
  JobDetail: jobDetailResponseSchema,
  RegisteredJobs: registeredJobsResponseSchema,
  JobFixture: jobFixtureSchema,
  StartedReplay: startedReplayResponseSchema,
  ReplayBatch: replayBatchResponseSchema,
  RetentionRun: retentionRunResponseSchema,
  RevealedCredentialHeader: revealedCredentialHeaderSchema,
  AuditEntry: auditEntryResponseSchema,
  AuditPage: pageSchema(auditEntryResponseSchema),
  Member: memberResponseSchema,
  Team: z.object({
    items: z.array(memberResponseSchema),
    invitations: z.array(invitationResponseSchema),
  }),
  CreatedInvitation: createdInvitationResponseSchema,
  Health: z.object({ status: z.literal("ok") }),
  Ready: z.object({ status: z.literal("ready") }),
  ...errorSchemas,
} satisfies Record<string, z.ZodType>;

export type RequestSchemaName = keyof typeof requestSchemas;
export type ResponseSchemaName = keyof typeof responseSchemas | `Error${number}`;
