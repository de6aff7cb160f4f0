import Link from "next/link";
import { CodeBlock } from "@/components/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";

type Props = {
  /** The origin callers reach this server at (ingest URLs are built on it). */
  origin: string;
  /** The newest active endpoint, if any: the test command then targets it directly. */
  endpoint: { name: string; key: string } | null;
};

/** The Inbox before the first callback: how to get a callback URL and send a test callback to it. */
export function GettingStarted({ origin, endpoint }: Props) {
  const createCommand = `curl -s ${origin}/api/endpoints \\
  -H "Authorization: Bearer $INBOX_TOKEN" -H "Content-Type: application/json" \\
  -d '{"name": "Renders (test)", "provider": "generic"}'`;
  const target = endpoint ? `${origin}/in/${endpoint.key}` : "$INGEST_URL";
  const sendCommand = `curl -s -X POST ${target} \\
  -H "Content-Type: application/json" \\
  -d '{"id": "job_123", "status": "completed"}'`;

  return (
    <EmptyState title="No callbacks yet">
      <p>
        Get a callback URL, send it a test callback, and watch it appear here within a second: this
        page updates by itself.
      </p>
      <ol className="mt-4 list-decimal space-y-4 pl-5">
        <li>
          {endpoint ? (
            <>
              Your endpoint{" "}
              <strong className="font-medium text-zinc-900 dark:text-zinc-100">
                {endpoint.name}
              </strong>{" "}
              is ready. Create more on{" "}
              <Link
                href="/endpoints"
                className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              >
                Endpoints
              </Link>
              .
            </>
          ) : (
            <>
              Create an endpoint on{" "}
              <Link
                href="/endpoints"
                className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              >
                Endpoints
              </Link>
              , or with the API (a personal token from Settings, or{" "}
              <code className="font-mono text-xs">INBOX_API_TOKEN</code>); the answer holds its{" "}
              <code className="font-mono text-xs">ingestUrl</code>.
              <Command label="Create an endpoint" value={createCommand} />
            </>
          )}
        </li>
        <li>
          Send a test callback{endpoint ? " to it" : " to that URL"}:
          <Command label="Send a test callback" value={sendCommand} />
        </li>
        <li>
          Give the ingest URL to your render or transcription provider as its webhook or callback
          URL.
        </li>
      </ol>
    </EmptyState>
  );
}

function Command({ label, value }: { label: string; value: string }) {
  return (
    <div className="mt-2 space-y-1.5">
      <CodeBlock label={label}>{value}</CodeBlock>
      <CopyButton value={value} label="Copy command" />
    </div>
  );
}
