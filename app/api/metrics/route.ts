// GET /api/metrics - Prometheus text exposition of every process of the app (README
// "Metrics"), for the metrics token (INBOX_METRICS_TOKEN) or the operator token.
import { apiRoute } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { scrapeMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

export const GET = apiRoute("metrics", async () => {
  const { contentType, text } = await scrapeMetrics();
  return new Response(text, {
    headers: { "content-type": contentType, "cache-control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
