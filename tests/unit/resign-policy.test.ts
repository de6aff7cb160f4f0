import { describe, expect, it } from "vitest";
import {
  forwardResignMode,
  requireBulkResignAllowed,
  requireResignAllowed,
  resignRefusal,
} from "@/lib/forwarding/resign-policy";

describe("who may have a callback re-signed", () => {
  it("re-signs verified callbacks for anyone who may replay, and sends anything as received", () => {
    expect(() => requireResignAllowed("verified", "provider", "member")).not.toThrow();
    for (const verification of ["verified", "failed", "unsigned"] as const)
      expect(() => requireResignAllowed(verification, "none", "member")).not.toThrow();
  });

  it("never re-signs a callback that failed verification: 409 not_verified, also for an admin", () => {
    for (const mode of ["provider", "standard-webhooks"] as const) {
      expect(() => requireResignAllowed("failed", mode, "admin")).toThrow(
        expect.objectContaining({
          code: "not_verified",
          status: 409,
          message:
            "this callback failed verification; it can be replayed as received, not re-signed",
        }),
      );
    }
  });

  it("re-signs an unsigned callback only for an admin; others get 403 naming the role", () => {
    expect(() => requireResignAllowed("unsigned", "standard-webhooks", "admin")).not.toThrow();
    expect(() => requireResignAllowed("unsigned", "standard-webhooks", "member")).toThrow(
      expect.objectContaining({
        code: "forbidden",
        message: expect.stringContaining("needs the admin role; you are a member") as string,
      }),
    );
    expect(resignRefusal("unsigned", "viewer")?.status).toBe(403);
    expect(resignRefusal("verified", "viewer")).toBeNull();
  });

  it("forwards a failed delivery as received whatever the destination's mode", () => {
    expect(forwardResignMode("provider", "failed")).toBe("none");
    expect(forwardResignMode("standard-webhooks", "verified")).toBe("standard-webhooks");
    expect(forwardResignMode("provider", "unsigned")).toBe("provider");
  });

  it("refuses a re-signed bulk replay whole, counting what may not be re-signed", () => {
    expect(() =>
      requireBulkResignAllowed(["verified", "failed", "failed"], "provider", "admin"),
    ).toThrow(
      expect.objectContaining({
        code: "not_verified",
        message: expect.stringMatching(/^2 of the 3 matching events failed verification/) as string,
      }),
    );
    expect(() => requireBulkResignAllowed(["verified", "unsigned"], "provider", "member")).toThrow(
      expect.objectContaining({
        code: "forbidden",
        message: expect.stringMatching(
          /^1 of the 2 matching events are unsigned.*admin role/,
        ) as string,
      }),
    );
    expect(() =>
      requireBulkResignAllowed(["verified", "unsigned"], "provider", "admin"),
    ).not.toThrow();
    expect(() => requireBulkResignAllowed(["failed", "unsigned"], "none", "member")).not.toThrow();
  });
});
