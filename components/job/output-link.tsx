import { visibleText } from "@/components/json/visible-text";

/** The URL when it is absolute http(s); anything else (javascript:, data:, relative) is not a link target. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A provider's output URL: a link only when it is http(s), else plain text with a note. */
export function OutputLink({ value }: { value: string | null }) {
  if (value === null) return <span className="text-zinc-400">—</span>;
  const href = safeHttpUrl(value);
  if (href === null) {
    return (
      <span className="text-xs">
        <span className="font-mono break-all">{visibleText(value)}</span>{" "}
        <span className="text-zinc-500 dark:text-zinc-400">
          (not an http(s) URL, so not a link)
        </span>
      </span>
    );
  }
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="font-mono text-xs break-all text-indigo-600 hover:underline dark:text-indigo-400"
    >
      {visibleText(value)}
    </a>
  );
}
