// Pages over plain HTTP, as a browser without JavaScript uses them: submit a page's
// form (Next's server-action references in its hidden fields) and sign in through the
// login form for a session cookie.
import { expect } from "vitest";
import { TEST_ADMIN } from "./app-server";

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * Submits the form on `path` that contains `marker`: its hidden fields plus `fields`,
 * with `postAs` as the cookie of the submission (default: the one that loaded the page)
 * and `headers` added to the submission (e.g. X-Forwarded-For as a proxy sets it).
 */
export async function submitPageForm(
  base: string,
  path: string,
  marker: string,
  fields: Record<string, string>,
  cookie?: string,
  postAs = cookie,
  headers: Record<string, string> = {},
): Promise<Response> {
  const html = await (await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker} on ${path}`);
  const data = new FormData();
  for (const input of form.matchAll(
    /<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g,
  )) {
    data.append(decodeEntities(input[1] ?? ""), decodeEntities(input[2] ?? ""));
  }
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return fetch(`${base}${path}`, {
    method: "POST",
    body: data,
    redirect: "manual",
    headers: { ...headers, ...(postAs ? { cookie: postAs } : {}), origin: base },
  });
}

export function sessionCookieOf(response: Response): string {
  expect(response.status).toBe(303);
  const session = response.headers.getSetCookie().find((c) => c.includes("session_token="));
  if (!session) throw new Error("signing in set no session cookie");
  return session.split(";")[0] ?? "";
}

/** A session cookie of the test admin on the server at `base`. */
export const signInCookie = async (base: string) =>
  sessionCookieOf(
    await submitPageForm(base, "/login", 'name="password"', {
      email: TEST_ADMIN.email,
      password: TEST_ADMIN.password,
    }),
  );
