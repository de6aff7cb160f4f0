import { visibleText } from "@/components/json/visible-text";
import { revealCredential } from "@/app/(app)/events/[id]/actions";
import { MaskedValue } from "@/components/ui/masked-value";
import { isCredentialHeader } from "@/lib/http/credential-headers";

/**
 * Request headers in arrival order. Credential values arrive blanked; a click fetches
 * one from the server (revealCredential, bound to this delivery and position).
 */
export function HeadersTable({ deliveryId, headers, caption }: { deliveryId: string; headers: ReadonlyArray<readonly [string, string]>; caption: string }) {
  if (headers.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No headers were stored.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <table className="w-full table-fixed text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="w-56 px-3 py-1.5 font-medium">Name</th>
            <th scope="col" className="px-3 py-1.5 font-medium">Value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {headers.map(([name, value], index) => (
            <tr key={index} className="align-top">
              <th scope="row" className="break-all px-3 py-1.5 font-mono font-normal text-zinc-600 dark:text-zinc-400">
                {visibleText(name)}
              </th>
              <td className="break-all px-3 py-1.5 font-mono text-zinc-900 dark:text-zinc-100">
                {isCredentialHeader(name) ? <MaskedValue name={name} load={revealCredential.bind(null, deliveryId, index)} /> : visibleText(value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
