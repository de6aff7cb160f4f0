import { visibleText } from "@/components/json/visible-text";
import { MaskedValue } from "@/components/ui/masked-value";
import { Table, type Column } from "@/components/ui/table";
import type { HeaderList } from "@/lib/http/header-list";

const HEADER_COLUMNS: Column[] = [{ label: "Name", className: "w-56" }, { label: "Value" }];

/** Reveals the n-th value of a credential header (a server action bound to the delivery; admins only). */
export type RevealHeaderValue = (name: string, occurrence: number) => Promise<string>;

/**
 * Request headers in arrival order. Credential values arrive masked; for an admin
 * (`reveal` given) a click fetches one from the server.
 */
export function HeadersTable({
  headers,
  maskedHeaders,
  reveal,
  caption,
}: {
  headers: HeaderList;
  maskedHeaders: readonly string[];
  reveal?: RevealHeaderValue;
  caption: string;
}) {
  if (headers.length === 0)
    return <p className="text-xs text-zinc-500 dark:text-zinc-400">No headers were stored.</p>;
  const masked = new Set(maskedHeaders);
  const seen = new Map<string, number>();
  return (
    <Table caption={caption} columns={HEADER_COLUMNS} density="compact" fixed>
      {headers.map(([name, value], index) => {
        const lower = name.toLowerCase();
        const occurrence = seen.get(lower) ?? 0;
        seen.set(lower, occurrence + 1);
        return (
          <tr key={index} className="align-top">
            <th
              scope="row"
              className="break-all font-mono font-normal text-zinc-600 dark:text-zinc-400"
            >
              {visibleText(name)}
            </th>
            <td className="break-all font-mono text-zinc-900 dark:text-zinc-100">
              {masked.has(lower) ? (
                <MaskedValue
                  name={name}
                  masked={visibleText(value)}
                  load={reveal?.bind(null, name, occurrence)}
                />
              ) : (
                visibleText(value)
              )}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
