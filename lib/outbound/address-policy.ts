// Which addresses the server may connect to on someone's behalf (forwarding, replay,
// tests, polling). Payload-supplied and user-supplied URLs must not reach the inbox's
// own network: loopback, private and link-local ranges, carrier-grade NAT, unique-local
// IPv6, cloud metadata services, and IPv4 smuggled inside IPv6 (mapped, IPv4-compatible,
// NAT64, 6to4, Teredo). Only globally routable unicast passes, unless the operator allow-lists an
// address or range (INBOX_OUTBOUND_ALLOW) for self-hosted internal targets.
import ipaddr from "ipaddr.js";
import type { AllowList } from "@/lib/net/address-ranges";

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Public unicast addresses that are cloud metadata or control endpoints nonetheless. */
const METADATA_ADDRESSES = new Set(["168.63.129.16"]);

const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  loopback: "a loopback address",
  private: "a private-network address",
  linkLocal: "a link-local address (cloud metadata services live here)",
  carrierGradeNat: "a carrier-grade NAT address",
  uniqueLocal: "a unique-local IPv6 address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  ipv4Mapped: "an IPv4 address written as IPv6",
  rfc6052: "a NAT64 form of an IPv4 address",
  rfc6145: "an IPv4-translated IPv6 address",
  "6to4": "a 6to4 form of an IPv4 address",
  teredo: "a Teredo tunnel address",
};

/**
 * ::/96, the deprecated IPv4-compatible form (::a.b.c.d): ipaddr.js calls it unicast,
 * but some stacks still route it to the embedded IPv4 address.
 */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

export function checkAddress(address: string, allow: AllowList): AddressVerdict {
  if (!ipaddr.isValid(address))
    return { allowed: false, reason: `${address} is not an IP address` };
  const parsed = ipaddr.parse(address);
  if (allow.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits)))
    return { allowed: true };
  if (METADATA_ADDRESSES.has(parsed.toString()))
    return { allowed: false, reason: `${address} is a cloud metadata address` };
  const range = parsed.range();
  if (range === "unicast" && parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE)) {
    return {
      allowed: false,
      reason: `${address} is an IPv4-compatible IPv6 address (an IPv4 address in disguise)`,
    };
  }
  if (range === "unicast") return { allowed: true };
  return {
    allowed: false,
    reason: `${address} is ${RANGE_WORDS[range] ?? `in a reserved range (${range})`}`,
  };
}
