// The `webhook-inbox` command (bin/webhook-inbox.mjs runs this file): option parsing,
// help and exit codes. What the commands do lives in lib/cli.
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import { CliError } from "@/lib/cli/cli-error";
import { durationMinutes, parseDuration } from "@/lib/cli/duration";
import { expectJob } from "@/lib/cli/expect";
import { exportEvents, parseExportFilters } from "@/lib/cli/export";
import { forward } from "@/lib/cli/forward";
import { replayFixture } from "@/lib/cli/replay-fixture";
import { simulate } from "@/lib/cli/simulate";
import { eventFilterNames } from "@/lib/events/filter-names";
import { providerIds, type ProviderId } from "@/lib/providers/schema";

const { version } = JSON.parse(
  readFileSync(new URL("../package.json", import.meta.url), "utf8"),
) as { version: string };

function httpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`not a URL: ${value}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InvalidArgumentError(`only http and https URLs work, not ${url.protocol}`);
  return url;
}

/** --inbox: where the inbox runs (INBOX_URL), for every command that talks to it. */
function inboxOption(): Option {
  return new Option("--inbox <url>", "the inbox's base URL")
    .env("INBOX_URL")
    .default(new URL("http://localhost:3000"), "http://localhost:3000")
    .argParser(httpUrl);
}

/** --token: the API token (INBOX_TOKEN), required by every command that talks to the inbox. */
function tokenOption(): Option {
  return new Option(
    "--token <token>",
    "an API token: INBOX_API_TOKEN's value or a personal inbox_pat_... token",
  )
    .env("INBOX_TOKEN")
    .makeOptionMandatory();
}

/** "10m", "2h", "1d" before now, or an ISO 8601 time. */
function sinceTime(value: string): Date {
  const ms = parseDuration(value);
  if (ms !== null) return new Date(Date.now() - ms);
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) {
    throw new InvalidArgumentError(
      "use a duration such as 30s, 10m, 2h, 1d or an ISO time such as 2026-11-24T09:00:00Z",
    );
  }
  return time;
}

/** Prints a CliError as one line and exits non-zero; anything else is a bug and keeps its stack. */
async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`webhook-inbox: ${error.message}\n`);
    process.exitCode = 1;
  }
}

const program = new Command("webhook-inbox")
  .description(
    "Webhook Inbox on the command line: get an endpoint's callbacks on your laptop, or play a provider against an endpoint.",
  )
  .version(version, "-v, --version")
  .showHelpAfterError("(add --help for the options)");

program
  .command("forward")
  .summary("re-send an endpoint's deliveries to a local URL as they arrive")
  .description(
    "Stream an endpoint's new deliveries from the inbox and re-send each to a local URL, body byte for byte and headers in " +
      "their original order (plus X-Inbox-Event-Id and X-Inbox-Delivery-Id). Prints one line per delivery with the local answer. " +
      "After a dropped connection, a server restart or a sleeping laptop it reconnects and resumes after the last delivery it " +
      "handled, so none is skipped or sent twice.",
  )
  .requiredOption("--endpoint <id>", "the endpoint to follow (ep_...)")
  .requiredOption(
    "--to <url>",
    "where to re-send each delivery; its sub-path and query are appended",
    httpUrl,
  )
  .addOption(inboxOption())
  .addOption(tokenOption())
  .option(
    "--since <when>",
    "first re-send the deliveries received since then (30s, 10m, 2h, 1d or an ISO time)",
    sinceTime,
  )
  .addHelpText(
    "after",
    `
Example:
  export INBOX_URL=https://hooks.example.com INBOX_TOKEN=inbox_pat_...
  webhook-inbox forward --endpoint ep_oR3m... --to http://localhost:4000/webhook

Each line: received time, method and local path, delivery id, then the local status and time taken, or the error.
Exit status: 0 after Ctrl-C; 1 when the token is refused, the endpoint does not exist or the inbox cannot be reached at start.`,
  )
  .action((options: { endpoint: string; to: URL; inbox: URL; token: string; since?: Date }) =>
    run(async () => {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      process.once("SIGTERM", () => stop.abort());
      const { forwarded } = await forward(
        {
          inbox: { baseUrl: options.inbox, token: options.token },
          endpointId: options.endpoint,
          target: options.to,
          since: options.since ?? null,
        },
        {
          delivery: (line) => process.stdout.write(`${line}\n`),
          note: (line) => process.stderr.write(`${line}\n`),
        },
        stop.signal,
      );
      process.stderr.write(
        `Stopped; forwarded ${forwarded} deliver${forwarded === 1 ? "y" : "ies"}.\n`,
      );
      return 0;
    }),
  );

program
  .command("simulate")
  .summary("send one job's signed callbacks to an ingest URL, as a provider would")
  .description(
    "Send a realistic, correctly signed sequence of callbacks for one new job to an ingest URL, as the provider would: " +
      "progress callbacks where the provider sends them, then completed (or failed with --fail). Prints the inbox's answer to each.",
  )
  .addOption(
    new Option("--provider <preset>", "the provider to play")
      .choices(providerIds)
      .makeOptionMandatory(),
  )
  .requiredOption("--to <url>", "the endpoint's ingest URL (http://.../in/<key>)", httpUrl)
  .option(
    "--secret <secret>",
    "the endpoint's signing secret (whsec_... for aspect and standard-webhooks) or token (json2video, descript)",
  )
  .option("--fail", "end the job failed instead of completed", false)
  .addHelpText(
    "after",
    `
Signing per provider: aspect (svix-* headers) and standard-webhooks (webhook-* headers) sign with a whsec_ secret;
scriptix sends X-Scriptix-Signature: sha256=<hex HMAC>; json2video and descript send the token as Authorization: Bearer
(optional); clipzy and generic send no signature. standard-webhooks and generic endpoints find the job only when their
extraction names the fields (simulate prints the paths it uses).

Example:
  webhook-inbox simulate --provider aspect --to http://localhost:3000/in/UsTi71... --secret whsec_MfKQ9r8...

Exit status: 0 when the inbox accepted every callback, 1 otherwise.`,
  )
  .action((options: { provider: ProviderId; to: URL; secret?: string; fail: boolean }) =>
    run(async () => {
      const { steps } = await simulate(
        {
          provider: options.provider,
          to: options.to,
          secret: options.secret ?? null,
          fail: options.fail,
        },
        (line) => process.stdout.write(`${line}\n`),
      );
      return steps.every((step) => step.status !== null && step.status >= 200 && step.status < 300)
        ? 0
        : 1;
    }),
  );

/** "30m", "2h", "90s", "1d": whole minutes for the API (rounded up), 1 minute to 30 days. */
function withinMinutes(value: string): number {
  const ms = parseDuration(value);
  if (ms === null)
    throw new InvalidArgumentError(
      `"${value}" is not a duration: use a number and a unit, such as 90s, 30m, 2h or 1d`,
    );
  const minutes = durationMinutes(ms);
  if (minutes < 1 || minutes > 43_200)
    throw new InvalidArgumentError("use a duration between 1 minute and 30 days");
  return minutes;
}

program
  .command("expect")
  .summary("register a job you just submitted, so a lost callback is noticed")
  .description(
    "Tell the inbox about a job right after the provider answered with its job id: the job shows as expected, and " +
      "if no final callback comes within the window it is flagged overdue, alerted and (with polling set up) polled. " +
      "Registering a job twice is harmless: the second time prints the job that exists.",
  )
  .requiredOption("--endpoint <id>", "the endpoint the provider calls back (ep_...)")
  .requiredOption("--job <externalId>", "the provider's job id, as its callback will name it")
  .option(
    "--within <duration>",
    "when the job should be finished (90s, 30m, 2h, 1d); default: the endpoint's setting",
    withinMinutes,
  )
  .option("--label <text>", "a note shown with the job, e.g. what was rendered")
  .addOption(inboxOption())
  .addOption(tokenOption())
  .addHelpText(
    "after",
    `
Example:
  webhook-inbox expect --endpoint ep_oR3m... --job prj_8f2a --within 30m --label "listing L-4821"

Exit status: 0 when the job is registered (or was already); 1 when the inbox refused or cannot be reached.`,
  )
  .action(
    (options: {
      endpoint: string;
      job: string;
      within?: number;
      label?: string;
      inbox: URL;
      token: string;
    }) =>
      run(async () => {
        const { line } = await expectJob({
          inbox: { baseUrl: options.inbox, token: options.token },
          endpointId: options.endpoint,
          externalId: options.job,
          withinMinutes: options.within ?? null,
          label: options.label ?? null,
        });
        process.stdout.write(`${line}\n`);
        return 0;
      }),
  );

function speedOf(value: string): number {
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000)
    throw new InvalidArgumentError("use a number above 0, e.g. 10 (ten times faster)");
  return speed;
}

program
  .command("replay-fixture")
  .summary("send a job's exported story to a local URL, as the provider sent it")
  .description(
    "Send the deliveries of a job fixture (GET /api/jobs/<id>/export, or Export on the job page) to a URL, in provider order " +
      "and spaced as the provider spaced them: bodies byte for byte, method, sub-path and query appended to --to, headers in " +
      "their order (credential headers were masked in the export and are left out). Needs no inbox: reproduce a failed render " +
      "against your local receiver. Prints one line per send with the answer.",
  )
  .argument("<file>", "the exported fixture (.json)")
  .requiredOption(
    "--to <url>",
    "where to send each delivery; its sub-path and query are appended",
    httpUrl,
  )
  .option(
    "--speed <factor>",
    "divide the provider's gaps by this (10 = ten times faster)",
    speedOf,
    1,
  )
  .option("--no-wait", "send back to back, ignoring the provider's gaps")
  .addHelpText(
    "after",
    `
Example:
  curl -s -H "Authorization: Bearer $INBOX_TOKEN" -o job.json $INBOX_URL/api/jobs/job_.../export
  webhook-inbox replay-fixture job.json --to http://localhost:4000/webhook --speed 10

Exit status: 0 when every send was answered 2xx, 1 otherwise (or when the file is not a job fixture).`,
  )
  .action((file: string, options: { to: URL; speed: number; wait: boolean }) =>
    run(async () => {
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      const { steps } = await replayFixture(
        { file, to: options.to, speed: options.wait ? options.speed : null },
        (line) => process.stdout.write(`${line}\n`),
        stop.signal,
      );
      return steps.every((step) => step.status !== null && step.status >= 200 && step.status < 300)
        ? 0
        : 1;
    }),
  );

program
  .command("export")
  .summary("write the events of a filter as NDJSON to stdout, with every delivery's body")
  .description(
    "Stream the events matching a filter (the Inbox's filters) as NDJSON: one event per line with its deliveries, " +
      "bodies base64 byte for byte, credential header values masked. Newest first. Runs in constant memory.",
  )
  .option(
    "--filter <name=value>",
    `a filter of GET /api/events (${eventFilterNames.join(", ")}); repeat it or join with &`,
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .addOption(inboxOption())
  .addOption(tokenOption())
  .addHelpText(
    "after",
    `
Example:
  webhook-inbox export --filter endpointId=ep_oR3m... --filter verification=failed > failed.ndjson

Exit status: 0 when the whole export was written; 1 when the inbox refused it (a bad filter, a refused token).`,
  )
  .action((options: { filter: string[]; inbox: URL; token: string }) =>
    run(async () => {
      const filters = parseExportFilters(options.filter);
      const count = await exportEvents(
        { baseUrl: options.inbox, token: options.token },
        filters,
        process.stdout,
      );
      process.stderr.write(`Exported ${count} event${count === 1 ? "" : "s"}.\n`);
      return 0;
    }),
  );

await program.parseAsync(process.argv);
