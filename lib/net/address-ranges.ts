// Address ranges from a comma-separated setting ("127.0.0.1,10.1.2.0/24,::1"): the
// trusted proxies in front of the inbox (lib/http/client-address.ts) and the outbound allow list
// (INBOX_OUTBOUND_ALLOW, lib/outbound/address-policy.ts), both read by lib/env.ts. Its own
// folder: lib/env.ts sits below lib/http and lib/outbound, which both read the env.
import ipaddr from "ipaddr.js";

export type AllowList = ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

/** "127.0.0.1,10.1.2.0/24,::1" -> ranges; throws on an entry that is neither an address nor a CIDR. */
export function parseAllowList(value: string | undefined): AllowList {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes("/")) return ipaddr.parseCIDR(entry);
      const address = ipaddr.parse(entry);
      return [address, address.kind() === "ipv4" ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    });
}
