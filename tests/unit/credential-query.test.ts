// Credentials a sender put in the query string (?token=..., ?api_key=..., ?code=...):
// masked wherever the query leaves the inbox, everything else kept as received.
import { describe, expect, it } from "vitest";
import { isCredentialParam, maskCredentialQuery } from "@/lib/http/credential-query";

describe("isCredentialParam", () => {
  it.each([
    "token",
    "access_token",
    "api_key",
    "apikey",
    "API_KEY",
    "key",
    "secret",
    "password",
    "auth",
    "code",
    "x-api-key",
  ])("masks %s", (name) => expect(isCredentialParam(name)).toBe(true));
  it.each(["job", "id", "signature", "sig", "status", "monkey", "type", "page"])(
    "keeps %s",
    (name) => expect(isCredentialParam(name)).toBe(false),
  );
});

describe("maskCredentialQuery", () => {
  it("masks credential values, keeps every other byte and the order", () => {
    const shown = maskCredentialQuery(
      "job=42&token=s3cr3t&a=%2Fb+c&api_key=abcdefghijklmnopWXYZ&flag",
    );
    expect(shown.query).toBe("job=42&token=••••&a=%2Fb+c&api_key=••••WXYZ&flag");
    expect(shown.maskedQueryParams).toEqual(["token", "api_key"]);
  });

  it("decodes a name before judging it and masks every repeat of it", () => {
    const shown = maskCredentialQuery("%74oken=one&Token=two&x=1");
    expect(shown.query).toBe("%74oken=••••&Token=••••&x=1");
    expect(shown.maskedQueryParams).toEqual(["token"]);
  });

  it("shows the tail of a long value decoded and encoded again, never more", () => {
    const shown = maskCredentialQuery("secret=aaaaaaaaaaaaaaaa%2F%2B%3D%26");
    expect(shown.query).toBe("secret=••••%2F%2B%3D%26");
    expect(shown.query).not.toContain("aaaa");
  });

  it("leaves a query without credentials, an empty one and malformed escapes as they are", () => {
    expect(maskCredentialQuery("")).toEqual({ query: "", maskedQueryParams: [] });
    expect(maskCredentialQuery("a=1&b=%zz&&c")).toEqual({
      query: "a=1&b=%zz&&c",
      maskedQueryParams: [],
    });
    // A name that does not decode is judged as written.
    expect(maskCredentialQuery("token%zz=1").query).toBe("token%zz=1");
  });

  it("masks a credential with an empty value as nothing to hide", () => {
    expect(maskCredentialQuery("token=&x=1")).toEqual({
      query: "token=&x=1",
      maskedQueryParams: [],
    });
  });
});
