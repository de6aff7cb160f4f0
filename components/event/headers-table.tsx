import { visibleText } from "@/components/json/visible-text";
import { revealCredential } from "@/app/(app)/events/[id]/actions";
import { MaskedValue } from "@/components/ui/masked-value";
import { Table, type Column } from "@/components/ui/table";
import { isCredentialHeader } from "@/lib/http/credential-headers";

const HEADER_COLUMNS: Column[] = [{ label: "Name", className: "w-56" }, { label: "Value" }];

/**
 * Request headers in arrival order. Credential values arrive blanked; a click fetches
 * one from the server (revealCredential, bound to this delivery and position).
 */
export function HeadersTable({ deliveryId, headers, caption }: { deliveryId: string; headers: ReadonlyArray<readonly [string, string]>; caption: string }) {
  if (headers.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No headers were stored.</p>;
  return (
    <Table caption={caption} columns={HEADER_COLUMNS} density="compact" fixed>
      {headers.map(([name, value], index) => (
        <tr key={index} className="align-top">
          <th scope="row" className="break-all font-mono font-normal text-zinc-600 dark:text-zinc-400">
            {visibleText(name)}
          </th>
          <td className="break-all font-mono text-zinc-900 dark:text-zinc-100">
            {isCredentialHeader(name) ? <MaskedValue name={name} load={revealCredential.bind(null, deliveryId, index)} /> : visibleText(value)}
          </td>
        </tr>
      ))}
    </Table>
  );
}
