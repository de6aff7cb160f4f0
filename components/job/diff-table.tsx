// Payload differences as rows: JSON path, what happened, and both values side by side.
import { visibleText } from "@/components/json/visible-text";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import type { DiffKind, DiffRow } from "@/lib/diff/json-diff";

/** A diff longer than this is cut (the two payloads are one click away). */
const MAX_ROWS = 500;
/** Values are shown up to this many characters of their JSON text. */
const MAX_VALUE_CHARS = 400;

const DIFF_COLUMNS: Column[] = [
  { label: "Path", className: "w-[28%]" },
  { label: "Change", className: "w-24" },
  { label: "Before" },
  { label: "After" },
];

const KIND_TONE: Record<DiffKind, Tone> = { added: "green", removed: "red", changed: "amber" };

function valueText(value: unknown): string {
  if (value === undefined) return "";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_CHARS
    ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length.toLocaleString("en")} chars)`
    : text;
}

export function DiffTable({ rows }: { rows: DiffRow[] }) {
  if (rows.length === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">The two payloads are the same.</p>
    );
  return (
    <Table
      caption="Payload differences"
      columns={DIFF_COLUMNS}
      density="compact"
      fixed
      footer={
        rows.length > MAX_ROWS && (
          <p className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            {rows.length - MAX_ROWS} more differences are not shown.
          </p>
        )
      }
    >
      {rows.slice(0, MAX_ROWS).map((row, index) => (
        <tr key={index} className="align-top" data-diff-kind={row.kind}>
          <td className="font-mono break-all text-zinc-800 dark:text-zinc-200">
            {visibleText(row.path)}
          </td>
          <td>
            <Badge tone={KIND_TONE[row.kind]}>{row.kind}</Badge>
          </td>
          <td className="bg-red-50/50 font-mono break-all text-red-900 dark:bg-red-950/20 dark:text-red-200">
            {visibleText(valueText(row.before))}
          </td>
          <td className="bg-emerald-50/50 font-mono break-all text-emerald-900 dark:bg-emerald-950/20 dark:text-emerald-200">
            {visibleText(valueText(row.after))}
          </td>
        </tr>
      ))}
    </Table>
  );
}
