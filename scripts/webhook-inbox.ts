// The `webhook-inbox` command (bin/webhook-inbox.mjs runs this file): option parsing,
// help and exit codes. What the commands do lives in lib/cli.
import { readFileSync } from "node:fs";
import { Command, InvalidArgumentError, Option } from "commander";
import { CliError } from "@/lib/cli/cli-error";
import { EXPORT_FILTER_NAMES, exportEvents, parseExportFilters } from "@/lib/cli/export";
import { forward } from "@/lib/cli/forward";
import { simulate } from "@/lib/cli/simulate";
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

const DURATION_UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "10m", "2h", "1d" before now, or an ISO 8601 time. */
function sinceTime(value: string): Date {
  const duration = /^(\d+)([smhd])$/.exec(value.trim());
  if (duration?.[1] && duration[2])
    return new Date(Date.now() - Number(duration[1]) * (DURATION_UNITS[duration[2]] ?? 0));
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
  .addOption(
    new Option("--inbox <url>", "the inbox's base URL")
      .env("INBOX_URL")
      .default(new URL("http://localhost:3000"), "http://localhost:3000")
      .argParser(httpUrl),
  )
  .addOption(
    new Option(
      "--token <token>",
      "an API token: INBOX_API_TOKEN's value or a personal inbox_pat_... token",
    )
      .env("INBOX_TOKEN")
      .makeOptionMandatory(),
  )
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

program
  .command("export")
  .summary("write the events of a filter as NDJSON to stdout, with every delivery's body")
  .description(
    "Stream the events matching a filter (the Inbox's filters) as NDJSON: one event per line with its deliveries, " +
      "bodies base64 byte for byte, credential header values masked. Newest first. Runs in constant memory.",
  )
  .option(
    "--filter <name=value>",
    `a filter of GET /api/events (${EXPORT_FILTER_NAMES.join(", ")}); repeat it or join with &`,
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .addOption(
    new Option("--inbox <url>", "the inbox's base URL")
      .env("INBOX_URL")
      .default(new URL("http://localhost:3000"), "http://localhost:3000")
      .argParser(httpUrl),
  )
  .addOption(
    new Option(
      "--token <token>",
      "an API token: INBOX_API_TOKEN's value or a personal inbox_pat_... token",
    )
      .env("INBOX_TOKEN")
      .makeOptionMandatory(),
  )
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
