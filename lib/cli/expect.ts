// `webhook-inbox expect`: registers a job the provider was just given, through
// POST /api/endpoints/<id>/jobs, so the inbox knows it even if its callback is lost.
import { CliError } from "./cli-error";
import {
  notAnInbox,
  refusalOf,
  requestInbox,
  type ApiAnswer,
  type ApiRequestBody,
  type InboxConnection,
} from "./inbox-api";

export type ExpectOptions = {
  inbox: InboxConnection;
  endpointId: string;
  externalId: string;
  /** Minutes; null: the endpoint's default. */
  withinMinutes: number | null;
  label: string | null;
};

type RegisteredJob = ApiAnswer<"/api/endpoints/{id}/jobs", "post", 200 | 201>;

export async function expectJob(
  options: ExpectOptions,
): Promise<{ job: RegisteredJob; created: boolean; line: string }> {
  const response = await requestInbox(
    options.inbox,
    `/api/endpoints/${encodeURIComponent(options.endpointId)}/jobs`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        externalId: options.externalId,
        ...(options.withinMinutes !== null && { expectTerminalMinutes: options.withinMinutes }),
        ...(options.label !== null && { label: options.label }),
      } satisfies ApiRequestBody<"/api/endpoints/{id}/jobs", "post">),
    },
  );
  if (response.status !== 200 && response.status !== 201)
    throw await refusalOf(response, options.inbox, `endpoint ${options.endpointId}`);
  let job: RegisteredJob;
  try {
    job = (await response.json()) as RegisteredJob;
  } catch {
    throw notAnInbox(options.inbox, response.status);
  }
  if (typeof job?.id !== "string") throw new CliError("the inbox answered without a job");
  const created = response.status === 201;
  const window =
    job.expectTerminalMinutes === null
      ? "the endpoint's default"
      : `${job.expectTerminalMinutes} min`;
  const line = created
    ? `registered ${job.externalId} as ${job.id} (expected to finish within ${window})`
    : `${job.externalId} is already known as ${job.id} (${job.state}); nothing changed`;
  return { job, created, line };
}
