// "Download": the Inbox's current filter as NDJSON (GET /api/events/export, the same
// filter names), every matching event with its deliveries, streamed by the server. A
// plain link: the browser saves the file as it arrives, with the session's cookie.
import { buttonClasses } from "@/components/ui/button";
import { listQuery, type InboxFilters } from "./inbox-url";

export function DownloadExport({ filters }: { filters: InboxFilters }) {
  const query = listQuery(filters, undefined);
  return (
    <a
      href={`/api/events/export${query ? `?${query}` : ""}`}
      download
      className={buttonClasses("secondary", "md")}
      title="Every event of the current filter as NDJSON: its deliveries with their bodies (base64), credentials masked"
    >
      Download
    </a>
  );
}
