// `webhook-inbox replay-fixture <file> --to <url>`: a job's story exported from the inbox
// (GET /api/jobs/<id>/export) sent again to a local receiver, from a laptop, without the
// inbox: each delivery's body byte for byte, its method, its sub-path and query appended
// to --to (minus masked credential parameters), its headers in order (minus hop-by-hop
// ones and masked credentials), spaced as the provider spaced them divided by --speed.
// One line per send.
import { readFile } from "node:fs/promises";
import { jobFixtureSchema, type FixtureDelivery, type JobFixture } from "@/lib/fixtures/schema";
import { sendOffsets } from "@/lib/fixtures/send-offsets";
import { CliError } from "./cli-error";
import { resentRequest } from "./resent-request";
import { sendRequest } from "./send-request";

export type ReplayFixtureOptions = {
  file: string;
  to: URL;
  /** Divides every gap; null: back to back. */
  speed: number | null;
};

export type ReplayFixtureStep = { deliveryId: string; status: number | null };

export async function replayFixture(
  options: ReplayFixtureOptions,
  print: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ steps: ReplayFixtureStep[] }> {
  const fixture = await readFixture(options.file);
  const { deliveries } = fixture;
  const offsets =
    options.speed === null
      ? deliveries.map(() => 0)
      : sendOffsets(
          deliveries.map((d) => ({
            providerTime: d.providerTime === null ? null : new Date(d.providerTime),
            receivedAt: new Date(d.receivedAt),
          })),
          options.speed,
        );
  print(
    `${fixture.job.provider} job ${fixture.job.externalId}: ${deliveries.length} deliver${deliveries.length === 1 ? "y" : "ies"} to ${options.to.href}` +
      (options.speed === null ? ", back to back" : ` at ${options.speed}x`),
  );
  const started = Date.now();
  const steps: ReplayFixtureStep[] = [];
  for (const [index, delivery] of deliveries.entries()) {
    await waitUntil(started + (offsets[index] ?? 0), signal);
    if (signal?.aborted) break;
    steps.push(await send(delivery, index, deliveries.length, options.to, print));
  }
  return { steps };
}

async function readFixture(file: string): Promise<JobFixture> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT" ? `${file}: no such file` : `${file}: cannot be read (${code ?? "error"})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(`${file}: not JSON; export a job with GET /api/jobs/<id>/export`);
  }
  const parsed = jobFixtureSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the file";
    throw new CliError(
      `${file}: not a job fixture (${where}: ${issue?.message ?? "invalid"}); export one with GET /api/jobs/<id>/export`,
    );
  }
  return parsed.data;
}

async function send(
  delivery: FixtureDelivery,
  index: number,
  total: number,
  to: URL,
  print: (line: string) => void,
): Promise<ReplayFixtureStep> {
  const { path, headers } = resentRequest(delivery, to);
  const outcome = await sendRequest({
    url: to,
    path,
    method: delivery.method,
    headers,
    body: Buffer.from(delivery.bodyBase64, "base64"),
  });
  const position = `${String(index + 1).padStart(String(total).length)}/${total}`;
  const note = delivery.verification === "failed" ? "  (failed verification at the inbox)" : "";
  const result = outcome.ok
    ? `${outcome.status}  ${outcome.durationMs} ms`
    : `error: ${outcome.error}`;
  print(`${position}  ${delivery.method} ${path}  ${delivery.id}  -> ${result}${note}`);
  return { deliveryId: delivery.id, status: outcome.ok ? outcome.status : null };
}

function waitUntil(at: number, signal: AbortSignal | undefined): Promise<void> {
  const ms = at - Date.now();
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
