import type { ReactNode } from "react";
import { cx } from "./cx";

export type Column = {
  label: string;
  align?: "left" | "right";
  className?: string;
  hideLabel?: boolean;
};

/**
 * Cell padding comes from the table (every th and td in it), so rows write only what
 * is particular to a column; a cell cannot change its own padding.
 */
const DENSITY = {
  normal: "text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2",
  compact: "text-xs [&_td]:px-3 [&_td]:py-1.5 [&_th]:px-3 [&_th]:py-1.5",
} as const;

/**
 * The frame every list in the dashboard shares: a bordered box that scrolls sideways
 * on narrow screens, a caption for screen readers, one header style and row dividers.
 * Children are the body rows; `footer` goes under the table, inside the frame.
 */
export function Table({
  caption,
  columns,
  density = "normal",
  fixed = false,
  footer,
  children,
}: {
  caption: string;
  columns: Column[];
  density?: keyof typeof DENSITY;
  /** Column widths from the header's classes instead of the content (long values wrap). */
  fixed?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900/40">
      <table className={cx("w-full text-left", DENSITY[density], fixed && "table-fixed")}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={cx(
                  "font-medium",
                  column.align === "right" ? "text-right" : "text-left",
                  column.className,
                )}
              >
                {column.hideLabel ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</tbody>
      </table>
      {footer}
    </div>
  );
}
