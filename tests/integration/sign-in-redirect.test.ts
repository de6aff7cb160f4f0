// Where signing in sends you: the `next` of /login?next=..., through the real form and
// server action (app/login/actions.ts), must stay on this origin whatever is smuggled
// into it. The Location is resolved as a browser resolves it (WHATWG URL: tabs and
// newlines dropped, backslashes as slashes).
import { describe, expect, it } from "vitest";
import { baseUrl } from "@/tests/support/api";
import { TEST_ADMIN } from "@/tests/support/app-server";
import { submitPageForm } from "@/tests/support/page-forms";

async function landingAfterSignIn(query: string): Promise<URL> {
  const response = await submitPageForm(baseUrl(), `/login?${query}`, 'name="password"', {
    email: TEST_ADMIN.email,
    password: TEST_ADMIN.password,
  });
  expect(response.status, query).toBe(303);
  const location = response.headers.get("location");
  if (location === null) throw new Error(`no Location for ${query}`);
  return new URL(location, baseUrl());
}

describe("signing in with ?next=", () => {
  it.each([
    "next=/%09/evil.example",
    "next=/%0a/evil.example",
    "next=/%0d/evil.example",
    "next=/%5Cevil.example",
    "next=%5C/evil.example",
    "next=/%5C/evil.example",
    "next=//evil.example",
    "next=%2F%2Fevil.example",
    "next=https://evil.example/",
    "next=javascript:alert(1)",
    "next=/%20/evil.example",
    "next=/%E3%80%80/evil.example",
    "next=/jobs&next=//evil.example",
    "next=//evil.example&next=/jobs",
  ])("%s lands on this origin", async (query) => {
    const landing = await landingAfterSignIn(query);
    expect(landing.origin).toBe(new URL(baseUrl()).origin);
    expect(landing.host).not.toContain("evil");
  });

  it("a same-origin path with a query is kept", async () => {
    const landing = await landingAfterSignIn(`next=${encodeURIComponent("/jobs?state=failed")}`);
    expect(`${landing.pathname}${landing.search}`).toBe("/jobs?state=failed");
  });
});
