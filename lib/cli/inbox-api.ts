// The CLI's calls to the inbox's JSON API (Bearer token), with the answers a person
// can act on: a refused token, an unknown endpoint, a server that cannot be reached.
import { describeNetworkError } from "@/lib/http/network-error";
import type { paths } from "./api-types";
import { CliError } from "./cli-error";

export type InboxConnection = { baseUrl: URL; token: string };

type Method = "get" | "post" | "put" | "patch" | "delete";
type JsonContent<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/** The JSON the contract (lib/cli/api-types.ts) gives an operation's answer with this status. */
export type ApiAnswer<
  Path extends keyof paths,
  M extends Method,
  Status extends number,
> = paths[Path][M] extends { responses: infer R }
  ? Status extends keyof R
    ? JsonContent<R[Status]>
    : never
  : never;

/** The JSON body the contract takes for an operation. */
export type ApiRequestBody<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  requestBody: infer B;
}
  ? JsonContent<B>
  : never;

/** Answers that retrying will not change: the CLI stops on them. */
export class InboxRefusal extends CliError {}

export function inboxUrl(connection: InboxConnection, path: string): URL {
  return new URL(
    path.replace(/^\//, ""),
    connection.baseUrl.href.endsWith("/") ? connection.baseUrl : `${connection.baseUrl.href}/`,
  );
}

export function authorization(connection: InboxConnection): Record<string, string> {
  return { authorization: `Bearer ${connection.token}` };
}

/** fetch, with a network failure turned into "cannot reach the inbox at ...: connection refused". */
export async function requestInbox(
  connection: InboxConnection,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  try {
    return await fetch(inboxUrl(connection, path), {
      ...init,
      headers: { ...authorization(connection), ...init.headers },
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new CliError(
      `cannot reach the inbox at ${connection.baseUrl.origin}: ${describeNetworkError(error)}`,
    );
  }
}

/** The error an API answer carries ({ error: { code, message } }), in words. */
export async function refusalOf(
  response: Response,
  connection: InboxConnection,
  what: string,
): Promise<CliError> {
  const message = await errorMessage(response);
  const origin = connection.baseUrl.origin;
  // Without our error body the answer came from something else: a wrong --inbox, a proxy.
  if (message === null && response.status < 500) return notAnInbox(connection, response.status);
  const detail = message ?? `HTTP ${response.status}`;
  if (response.status === 401)
    return new InboxRefusal(
      `the inbox at ${origin} refused the API token (--token or INBOX_TOKEN): ${detail}`,
    );
  if (response.status === 404)
    return new InboxRefusal(`${what} not found on the inbox at ${origin}: ${detail}`);
  if (response.status >= 400 && response.status < 500)
    return new InboxRefusal(`the inbox refused the request (${response.status}): ${detail}`);
  return new CliError(`the inbox answered ${response.status}: ${detail}`);
}

export function notAnInbox(connection: InboxConnection, status?: number): InboxRefusal {
  const answered = status === undefined ? "" : ` (it answered ${status})`;
  return new InboxRefusal(
    `${connection.baseUrl.origin} does not answer like a Webhook Inbox${answered}; check --inbox or INBOX_URL`,
  );
}

async function errorMessage(response: Response): Promise<string | null> {
  try {
    const parsed = (await response.json()) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === "string" ? parsed.error.message : null;
  } catch {
    return null;
  }
}
