"use client";

// A collapsible view of a JSON value that stays fast on huge payloads: only expanded
// nodes render their children, deep or wide nodes start collapsed, and a node shows
// its children a page at a time ("show more").
import { useState, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { visibleText } from "./visible-text";

/** Nodes deeper than this start collapsed. */
const OPEN_DEPTH = 4;
/** Nodes with more children than this start collapsed. */
const OPEN_MAX_CHILDREN = 50;
/** Children rendered per "show more". */
const CHILDREN_PAGE = 100;
/** Longer strings are cut until the person asks for the rest. */
const STRING_PREVIEW = 500;

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === "object" && value !== null;

const entriesOf = (value: Container): Array<[string, unknown]> =>
  Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);

export function JsonTree({ value, label = "JSON payload" }: { value: unknown; label?: string }) {
  return (
    <div
      role="tree"
      aria-label={label}
      className="overflow-x-auto font-mono text-xs leading-5 text-zinc-800 dark:text-zinc-200"
    >
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const label =
    name === null ? null : (
      <span className="text-violet-700 dark:text-violet-300">{visibleText(name)}</span>
    );
  if (!isContainer(value)) {
    return (
      <div role="treeitem" aria-selected={false} className="pl-4">
        {label}
        {label && <span className="text-zinc-400">: </span>}
        <JsonScalar value={value} />
      </div>
    );
  }
  return <JsonContainer label={label} value={value} depth={depth} />;
}

function JsonContainer({
  label,
  value,
  depth,
}: {
  label: ReactNode;
  value: Container;
  depth: number;
}) {
  const size = Array.isArray(value) ? value.length : Object.keys(value).length;
  const [open, setOpen] = useState(depth < OPEN_DEPTH && size <= OPEN_MAX_CHILDREN);
  const [shown, setShown] = useState(CHILDREN_PAGE);
  const [openBracket, closeBracket] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const summary = `${size} ${Array.isArray(value) ? (size === 1 ? "item" : "items") : size === 1 ? "key" : "keys"}`;
  const entries = open ? entriesOf(value) : [];
  return (
    <div role="treeitem" aria-expanded={size === 0 ? undefined : open} aria-selected={false}>
      <button
        type="button"
        disabled={size === 0}
        onClick={() => setOpen(!open)}
        className="rounded text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-default disabled:hover:bg-transparent dark:hover:bg-zinc-800"
      >
        <span aria-hidden className="inline-block w-4 text-zinc-400">
          {size === 0 ? "" : open ? "▾" : "▸"}
        </span>
        {label}
        {label && <span className="text-zinc-400">: </span>}
        <span className="text-zinc-500">{openBracket}</span>
        {!open && (
          <span className="text-zinc-400">
            {size > 0 && ` ${summary} `}
            {closeBracket}
          </span>
        )}
      </button>
      {open && (
        <div role="group" className="ml-[7px] border-l border-zinc-200 pl-2 dark:border-zinc-800">
          {entries.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
          {entries.length > shown && (
            <button
              type="button"
              onClick={() => setShown(shown + CHILDREN_PAGE)}
              className="ml-4 text-indigo-600 hover:underline dark:text-indigo-400"
            >
              Show {Math.min(CHILDREN_PAGE, entries.length - shown)} more ({entries.length - shown}{" "}
              not shown)
            </button>
          )}
        </div>
      )}
      {open && <div className="pl-4 text-zinc-500">{closeBracket}</div>}
    </div>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === "string") {
    const quoted = JSON.stringify(value);
    const cut = !full && quoted.length > STRING_PREVIEW;
    return (
      <span className="break-all text-emerald-700 dark:text-emerald-400">
        {visibleText(cut ? `${quoted.slice(0, STRING_PREVIEW)}…` : quoted)}
        {cut && (
          <button
            type="button"
            onClick={() => setFull(true)}
            className="ml-1 font-sans text-indigo-600 hover:underline dark:text-indigo-400"
          >
            show all {quoted.length.toLocaleString("en")} chars
          </button>
        )}
      </span>
    );
  }
  const tone =
    typeof value === "number"
      ? "text-sky-700 dark:text-sky-400"
      : "text-amber-700 dark:text-amber-400";
  return <span className={cx(tone)}>{JSON.stringify(value) ?? String(value)}</span>;
}
