import { headers } from "next/headers";
import { publicOrigin } from "@/lib/http/public-origin";

/** The origin ingest URLs are shown with on pages: the same rule as the API's (INBOX_PUBLIC_URL, else Host). */
export async function pageOrigin(): Promise<string> {
  return publicOrigin(new Request("http://localhost/", { headers: await headers() }));
}
