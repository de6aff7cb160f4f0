// The address npm start listens on. HOST wins; Next's own convention HOSTNAME counts
// only when it is an address, because shells and container runtimes set HOSTNAME to
// the machine's name (e.g. "3f2a9c1d7b2e"), which is no place to bind to.
import { isIP } from "node:net";

export const DEFAULT_LISTEN_HOST = "0.0.0.0";

export function isBindableHostname(value: string): boolean {
  return isIP(value) !== 0 || value === "localhost";
}

/** `env`: HOST and HOSTNAME as lib/env.ts read them. */
export function listenHost(env: {
  HOST?: string | undefined;
  HOSTNAME?: string | undefined;
}): string {
  if (env.HOST) return env.HOST;
  if (env.HOSTNAME && isBindableHostname(env.HOSTNAME)) return env.HOSTNAME;
  return DEFAULT_LISTEN_HOST;
}

/**
 * The base of links in alerts when INBOX_PUBLIC_URL is unset (lib/alerts/links.ts): the
 * address the server listens on, or "localhost" when it listens on every address.
 */
export function listeningOrigin(host: string, port: number): string {
  const linkHost =
    host === "0.0.0.0" || host === "::" ? "localhost" : isIP(host) === 6 ? `[${host}]` : host;
  return `http://${linkHost}:${port}`;
}
