// The event's payload two ways: a collapsible tree of the parsed JSON, and the body
// text exactly as received (both within size limits; beyond them, the download).
import { JsonTree } from "@/components/json/json-tree";
import { visibleText } from "@/components/json/visible-text";
import { Panel } from "@/components/ui/panel";
import { buttonClasses } from "@/components/ui/button";
import { formatBytes } from "./format-bytes";

/** Larger payloads are not sent to the browser as a tree (the raw download has them). */
export const TREE_LIMIT_BYTES = 2 * 1024 * 1024;

export function PayloadPanel({
  payload,
  size,
  body,
  rawHref,
}: {
  payload: unknown;
  size: number;
  body: Uint8Array | null;
  rawHref: string;
}) {
  const text = body === null ? null : decodeText(body);
  return (
    <Panel
      title="Payload"
      actions={
        <a href={rawHref} download className={buttonClasses("secondary", "sm")}>
          Download raw
        </a>
      }
    >
      <div className="space-y-4">
        {payload === null ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            The body is not JSON{size === 0 ? " (it is empty)" : ""}; see the raw text below.
          </p>
        ) : size > TREE_LIMIT_BYTES ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            This payload is {formatBytes(size)}; the tree shows payloads up to{" "}
            {formatBytes(TREE_LIMIT_BYTES)}. Download the raw body to inspect it.
          </p>
        ) : (
          <JsonTree value={payload} label="Payload tree" />
        )}
        <details className="group rounded-md border border-zinc-200 dark:border-zinc-800">
          <summary className="cursor-pointer px-3 py-2 text-xs font-medium text-zinc-600 select-none hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900">
            Raw text ({formatBytes(size)})
          </summary>
          {text === null ? (
            <p className="border-t border-zinc-200 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              {body === null ? "Too large to show here" : "The body is not UTF-8 text (binary)"};
              download the raw body instead.
            </p>
          ) : (
            <pre
              aria-label="Raw body"
              className="max-h-[32rem] overflow-auto border-t border-zinc-200 p-3 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 dark:border-zinc-800 dark:text-zinc-200"
            >
              {visibleText(text)}
            </pre>
          )}
        </details>
      </div>
    </Panel>
  );
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
