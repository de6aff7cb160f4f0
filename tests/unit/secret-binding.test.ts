import { describe, expect, it } from "vitest";
import { originOf, rebindingReason } from "@/lib/outbound/secret-binding";
import { pollCredentialRebinding } from "@/lib/polling/credential-place";

const key = { name: "API key", use: "send it to" };
const descript = {
  baseUrl: "https://descriptapi.com",
  credentialHeader: "authorization",
  credentialPrefix: "Bearer ",
};

describe("originOf", () => {
  it("is scheme, host and a port other than the scheme's default", () => {
    expect(originOf("https://API.example.com:443/v1/jobs?x=1")).toBe("https://api.example.com");
    expect(originOf("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080");
    expect(originOf("http://example.com")).not.toBe(originOf("https://example.com"));
  });
});

describe("a stored secret follows a change only to where it was entered for", () => {
  it("keeps it for another path, query or header spelling at the same place", () => {
    expect(
      pollCredentialRebinding(descript, { ...descript, baseUrl: "https://descriptapi.com/v2/" }),
    ).toBeNull();
    expect(
      pollCredentialRebinding(descript, { ...descript, credentialHeader: "Authorization" }),
    ).toBeNull();
    expect(
      rebindingReason(key, { origin: "https://a.example" }, { origin: "https://a.example" }),
    ).toBeNull();
  });

  it("asks for it again for another scheme, host or port, naming both places", () => {
    expect(
      pollCredentialRebinding(descript, { ...descript, baseUrl: "https://evil.example" }),
    ).toBe(
      "the API key was entered for https://descriptapi.com; enter it again to send it to https://evil.example",
    );
    expect(
      pollCredentialRebinding(descript, { ...descript, baseUrl: "http://descriptapi.com" }),
    ).toMatch(/enter it again to send it to http:\/\/descriptapi\.com$/);
    expect(
      pollCredentialRebinding(descript, { ...descript, baseUrl: "https://descriptapi.com:8443" }),
    ).toMatch(/:8443$/);
  });

  it("asks for it again for another header or prefix; without a header, removing it is the way", () => {
    expect(pollCredentialRebinding(descript, { ...descript, credentialHeader: "x-api-key" })).toBe(
      "the API key was entered to be sent in the authorization header; enter it again to send it in the x-api-key header",
    );
    expect(pollCredentialRebinding(descript, { ...descript, credentialPrefix: "Token " })).toBe(
      'the API key was entered to be sent after the prefix "Bearer "; enter it again to send it after "Token "',
    );
    expect(pollCredentialRebinding(descript, { ...descript, credentialHeader: null })).toBe(
      "the API key was entered to be sent in the authorization header; remove it to send none",
    );
  });

  it("asks for it again when nothing says where it was entered for", () => {
    expect(pollCredentialRebinding(null, descript)).toBe(
      "nothing says where the stored API key was entered for; enter it again",
    );
  });
});
