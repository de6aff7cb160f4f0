import { describe, expect, it } from "vitest";
import { listenHost } from "@/lib/http/listen-host";

describe("listenHost", () => {
  it("listens everywhere when neither HOST nor HOSTNAME is set", () => {
    expect(listenHost({})).toBe("0.0.0.0");
  });

  it("takes HOST, which wins over HOSTNAME", () => {
    expect(listenHost({ HOST: "127.0.0.1" })).toBe("127.0.0.1");
    expect(listenHost({ HOST: "127.0.0.1", HOSTNAME: "::" })).toBe("127.0.0.1");
  });

  it("takes HOSTNAME (Next's convention) when it is an address or localhost", () => {
    for (const address of ["0.0.0.0", "::", "127.0.0.1", "10.1.2.3", "::1", "localhost"])
      expect(listenHost({ HOSTNAME: address })).toBe(address);
  });

  it("ignores a HOSTNAME that is the machine's name, as shells and containers set it", () => {
    for (const name of ["3f2a9c1d7b2e", "build-runner.internal", "my-laptop"])
      expect(listenHost({ HOSTNAME: name })).toBe("0.0.0.0");
  });
});
