// The origin a page shows ingest and invitation URLs with: the API's rule
// (publicOrigin: INBOX_PUBLIC_URL, else the Host the page was asked on), read from the
// headers of the request being rendered. Every page and server action calls this one.
import { headers } from "next/headers";
import { publicOrigin } from "./public-origin";

export async function pageOrigin(): Promise<string> {
  return publicOrigin(new Request("http://localhost/", { headers: await headers() }));
}
