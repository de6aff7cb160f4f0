// The start page: is the server healthy, and how to create a first ingest URL.
// It shows no stored data: pages that do need sign-in (the dashboard issue).
import { headers } from "next/headers";
import { CodeBlock } from "@/components/code-block";
import { StatusBadge } from "@/components/status-badge";
import { isDatabaseReady } from "@/lib/db/readiness";
import { getEnv } from "@/lib/env";
import { providerPresets } from "@/lib/providers/registry";
import { describeVerification } from "@/lib/verify/describe-scheme";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const requestHeaders = await headers();
  const origin = getEnv().INBOX_PUBLIC_URL ?? `http://${requestHeaders.get("host") ?? "localhost:3000"}`;
  const databaseReady = await isDatabaseReady();
  const presets = Object.values(providerPresets);

  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Webhook Inbox</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Ingest URLs for render and transcription callbacks: verified, stored byte for byte, grouped into events and jobs.
          </p>
        </div>
        <div className="flex gap-2" aria-label="Status">
          <StatusBadge ok>server up</StatusBadge>
          <StatusBadge ok={databaseReady}>{databaseReady ? "database ready" : "database unreachable"}</StatusBadge>
        </div>
      </header>

      <section className="mt-8 space-y-4" aria-labelledby="start">
        <h2 id="start" className="text-lg font-semibold">Get a callback URL in three steps</h2>
        <ol className="list-decimal space-y-5 pl-5 text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">
          <li>
            Take the API token: <code className="font-mono">INBOX_API_TOKEN</code> if you set one, else the token generated into{" "}
            <code className="font-mono">.data/api-token</code> on first start.
            <div className="mt-2">
              <CodeBlock label="shell">{`export INBOX_TOKEN=$(cat .data/api-token)`}</CodeBlock>
            </div>
          </li>
          <li>
            Create an endpoint with the preset of your provider; the answer holds its <code className="font-mono">ingestUrl</code>.
            <div className="mt-2">
              <CodeBlock label="shell">{`curl -s ${origin}/api/endpoints \\
  -H "Authorization: Bearer $INBOX_TOKEN" -H "Content-Type: application/json" \\
  -d '{"name": "Renders (prod)", "provider": "aspect", "secrets": ["whsec_..."]}'`}</CodeBlock>
            </div>
          </li>
          <li>
            Give the ingest URL to the provider as its webhook or callback URL, then read what arrived:
            <div className="mt-2">
              <CodeBlock label="shell">{`curl -s "${origin}/api/events?limit=20" -H "Authorization: Bearer $INBOX_TOKEN"`}</CodeBlock>
            </div>
          </li>
        </ol>
      </section>

      <section className="mt-10" aria-labelledby="presets">
        <h2 id="presets" className="text-lg font-semibold">Provider presets</h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          A preset chooses how callbacks are verified and how job id, state, output and errors are read from them.
        </p>
        <div className="mt-3 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">provider</th>
                <th scope="col" className="px-3 py-2 font-medium">name</th>
                <th scope="col" className="px-3 py-2 font-medium">verification by default</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {presets.map((preset) => (
                <tr key={preset.id}>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-[13px]">{preset.id}</td>
                  <td className="px-3 py-2">{preset.label}</td>
                  <td className="px-3 py-2 text-zinc-600 dark:text-zinc-400">{describeVerification(preset.defaultVerification)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <footer className="mt-10 border-t border-zinc-200 pt-4 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        API reference: <code className="font-mono">docs/api.md</code> · liveness <code className="font-mono">/api/health</code> · readiness{" "}
        <code className="font-mono">/api/ready</code>
      </footer>
    </main>
  );
}
