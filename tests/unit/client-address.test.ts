// Which address a request comes from: X-Forwarded-For counts only behind a trusted
// proxy, read from the right, and never lets a client pick its own address.
import { describe, expect, it } from "vitest";
import { canonicalAddress, clientAddress } from "@/lib/http/client-address";
import { parseAllowList } from "@/lib/net/address-ranges";

const trusted = parseAllowList("10.0.0.0/8, 127.0.0.1, ::1");
const request = (remoteAddress: string | null, ...forwardedFor: string[]) => ({
  remoteAddress,
  rawHeaders: forwardedFor.flatMap((value) => ["X-Forwarded-For", value]),
});

describe("clientAddress", () => {
  it("is the peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("203.0.113.5", "198.51.100.1"), [])).toBe("203.0.113.5");
    expect(clientAddress(request("127.0.0.1", "198.51.100.1"), [])).toBe("127.0.0.1");
  });

  it("is the peer when the peer is not a trusted proxy", () => {
    expect(clientAddress(request("203.0.113.5", "198.51.100.1"), trusted)).toBe("203.0.113.5");
  });

  it("behind a trusted proxy, is the rightmost entry that is not a trusted proxy", () => {
    expect(clientAddress(request("10.0.0.2", "198.51.100.1"), trusted)).toBe("198.51.100.1");
    expect(clientAddress(request("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9"), trusted)).toBe(
      "198.51.100.1",
    );
    // Several headers are one list, in order.
    expect(clientAddress(request("10.0.0.2", "6.6.6.6", "198.51.100.1", "10.0.0.9"), trusted)).toBe(
      "198.51.100.1",
    );
  });

  it("is the leftmost trusted hop when every entry is a trusted proxy", () => {
    expect(clientAddress(request("10.0.0.2", "10.0.0.3, 10.0.0.4"), trusted)).toBe("10.0.0.3");
  });

  it("is the peer behind a trusted proxy that sent no X-Forwarded-For", () => {
    expect(clientAddress(request("10.0.0.2"), trusted)).toBe("10.0.0.2");
  });

  it("stops at garbage, keeping the last address a trusted hop vouched for", () => {
    expect(clientAddress(request("10.0.0.2", "198.51.100.1, not-an-address"), trusted)).toBe(
      "10.0.0.2",
    );
    expect(clientAddress(request("10.0.0.2", "198.51.100.1, 127.1, 10.0.0.9"), trusted)).toBe(
      "10.0.0.9",
    );
  });

  it("reads IPv4-mapped IPv6 peers as IPv4, and drops ports and brackets", () => {
    expect(clientAddress(request("::ffff:10.0.0.2", "198.51.100.1:5000"), trusted)).toBe(
      "198.51.100.1",
    );
    expect(clientAddress(request("::1", "[2001:db8::7]:443"), trusted)).toBe("2001:db8::7");
    expect(clientAddress(request("::ffff:203.0.113.5"), trusted)).toBe("203.0.113.5");
  });

  it("is null without a peer (a request made in this process)", () => {
    expect(clientAddress(undefined, trusted)).toBeNull();
    expect(clientAddress(request(null, "198.51.100.1"), trusted)).toBeNull();
  });
});

describe("canonicalAddress", () => {
  it.each([
    ["198.51.100.1", "198.51.100.1"],
    [" 198.51.100.1 ", "198.51.100.1"],
    ["2001:DB8::1", "2001:db8::1"],
    ["::ffff:198.51.100.1", "198.51.100.1"],
    ["127.1", null],
    ["0x7f.0.0.1", null],
    ["unknown", null],
    ["", null],
  ])("%j -> %j", (text, expected) => {
    expect(canonicalAddress(text)).toBe(expected);
  });
});
