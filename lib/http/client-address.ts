// Who sent a request: the socket's peer, unless that peer is a proxy the operator
// trusts (INBOX_TRUSTED_PROXIES), in which case X-Forwarded-For says who it served.
// Each proxy appends the address it saw, so the list is read from the right: the first
// entry that is not itself a trusted proxy is the client. Entries further left were
// written by the client and prove nothing. Used by the sign-in throttle and for the
// source address stored with a delivery.
import ipaddr from "ipaddr.js";
import { getEnv } from "@/lib/env";
import { parseAllowList, type AllowList } from "@/lib/net/address-ranges";
import { headerValues, pairRawHeaders } from "./header-list";
import type { RawRequestInfo } from "./request-context";

export type PeerRequest = Pick<RawRequestInfo, "remoteAddress" | "rawHeaders">;

let trustedFromEnv: { value: string | undefined; ranges: AllowList } | undefined;

/** INBOX_TRUSTED_PROXIES, parsed once per value (lib/env.ts has validated it). */
function trustedProxies(): AllowList {
  const value = getEnv().INBOX_TRUSTED_PROXIES;
  if (!trustedFromEnv || trustedFromEnv.value !== value)
    trustedFromEnv = { value, ranges: parseAllowList(value) };
  return trustedFromEnv.ranges;
}

/**
 * An address in canonical form (IPv4-mapped IPv6 as plain IPv4), or null for anything
 * else. Strict: "127.1" or "0x7f.1" from a header are not addresses. A port or brackets
 * that some proxies add ("[2001:db8::1]:443", "203.0.113.9:5000") are dropped.
 */
export function canonicalAddress(text: string): string | null {
  const trimmed = text.trim();
  const bare =
    /^\[([^\]]+)\](?::\d+)?$/.exec(trimmed)?.[1] ??
    /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(trimmed)?.[1] ??
    trimmed;
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return null;
  return ipaddr.process(bare).toString();
}

function isTrusted(address: string, trusted: AllowList): boolean {
  const parsed = ipaddr.parse(address);
  return trusted.some(
    ([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits),
  );
}

/** The client's address, or null when the request has no peer (made in this process). */
export function clientAddress(
  request: PeerRequest | undefined,
  trusted: AllowList = trustedProxies(),
): string | null {
  const peer = request?.remoteAddress ? canonicalAddress(request.remoteAddress) : null;
  if (!peer || trusted.length === 0 || !isTrusted(peer, trusted)) return peer;
  const hops = headerValues(pairRawHeaders(request?.rawHeaders ?? []), "x-forwarded-for").flatMap(
    (value) => value.split(","),
  );
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = canonicalAddress(hops[i] ?? "");
    // Garbage where a trusted proxy should have written an address: keep the last
    // address a trusted hop vouched for rather than guess.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return client;
}
