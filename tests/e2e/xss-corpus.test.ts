// Payloads, headers and paths are hostile. A corpus of markup, script URLs, bidi
// controls and very long lines goes in through the ingest URL; the event, job and
// jobs pages must show it as text: a tripwire (window.__xss) stays unset, no link
// points at javascript:, and the page reports no errors or CSP violations.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiJson, baseUrl, createEndpoint, type CreatedEndpoint } from "@/tests/support/api";
import {
  expectNoPageErrors,
  launchBrowser,
  screenshotBothThemes,
  signedInPage,
  type PageErrors,
} from "./support/browser";

const TRIP = "window.__xss=1";
const corpus = {
  script: `<script>${TRIP}</script>`,
  img: `<img src=x onerror="${TRIP}">`,
  svg: `"><svg onload=${TRIP}>`,
  jsUrl: `javascript:${TRIP}`,
  rlo: "\u202Eexe.txt",
  long: `${"A".repeat(20_000)}<img src=x onerror=${TRIP}>`,
};

let browser: Browser;
let page: Page;
let errors: PageErrors;
let endpoint: CreatedEndpoint;
const jobId = `${corpus.svg}-${randomUUID().slice(0, 8)}`;

/** node:http keeps the path's raw characters (fetch would percent-encode them). */
function sendRaw(path: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path,
        method: "POST",
        headers: { ...headers, "content-length": String(body.byteLength) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

beforeAll(async () => {
  endpoint = await createEndpoint({ name: `Hostile ${corpus.img}`, provider: "clipzy" });
  const payload = {
    job_id: jobId,
    status: "failed",
    output_video_url: corpus.jsUrl,
    error: corpus.img,
    [corpus.script]: { [corpus.rlo]: corpus.long, nested: [corpus.svg, corpus.jsUrl] },
  };
  const status = await sendRaw(
    `/in/${endpoint.key}/${corpus.svg.replaceAll(" ", "")}?q=${corpus.img.replaceAll(" ", "")}`,
    {
      "content-type": "application/json",
      "x-evil": corpus.svg,
      "x-auth-token": corpus.img,
      "x-long": "B".repeat(4_000),
    },
    Buffer.from(JSON.stringify(payload)),
  );
  expect(status).toBe(200);
  // A body that is not UTF-8: shown as binary, and curl points at the download.
  expect(
    await sendRaw(
      `/in/${endpoint.key}`,
      { "content-type": "application/octet-stream" },
      Buffer.from([0xff, 0xfe, 0x3c, 0x00]),
    ),
  ).toBe(200);

  browser = await launchBrowser();
  ({ page, errors } = await signedInPage(browser));
});

afterAll(async () => {
  await browser?.close();
});

async function expectNothingExecuted(page: Page): Promise<void> {
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
  ).toBeUndefined();
  const scriptLinks = await page.evaluate(() =>
    [...document.querySelectorAll("a[href], area[href], [src], [action], [formaction]")]
      .flatMap((element) =>
        ["href", "src", "action", "formaction"].map((name) => element.getAttribute(name) ?? ""),
      )
      .filter((value) =>
        value
          .replace(/[\s\u0000-\u001f]/g, "")
          .toLowerCase()
          .startsWith("javascript:"),
      ),
  );
  expect(scriptLinks).toEqual([]);
  expectNoPageErrors(errors);
}

type EventItem = { id: string; jobId: string | null };

async function events(): Promise<EventItem[]> {
  const { body } = await apiJson<{ items: EventItem[] }>(`/api/events?endpointId=${endpoint.id}`);
  return body.items;
}

/** Expands the whole tree (bounded: the corpus is small), long strings, raw text, and masked values. */
async function revealEverything(page: Page): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    const collapsed = await page.getByRole("tree").getByRole("button", { expanded: false }).all();
    if (collapsed.length === 0) break;
    for (const button of collapsed) await button.click();
  }
  for (const button of await page.getByRole("button", { name: /^show all/ }).all())
    await button.click();
  for (const summary of await page.locator("summary").all()) await summary.click();
  for (const button of await page.getByRole("button", { name: /^Reveal the value of/ }).all())
    await button.click();
}

describe("hostile input", () => {
  it("is text on the event page: tree fully expanded, raw text, headers revealed, curl", async () => {
    const all = await events();
    expect(all).toHaveLength(2);
    expect(
      all.filter((event) => event.jobId !== null),
      "the hostile callback made a job",
    ).toHaveLength(1);
    for (const event of all) {
      await page.goto(`/events/${event.id}`);
      await page.getByRole("heading", { name: "Payload" }).waitFor();
      await revealEverything(page);
      await expectNothingExecuted(page);
      if (event.jobId === null) continue;
      // The hostile event: markup shown as text, the bidi control as a visible escape.
      const text = await page.locator("main").innerText();
      expect(text).toContain(corpus.script);
      expect(text).toContain(corpus.svg);
      expect(text).toContain("\\u202eexe.txt");
      expect(text).not.toContain("\u202E");
      await screenshotBothThemes(page, "event-hostile");
    }
  });

  it("says a non-UTF-8 body is binary and points curl at the raw download", async () => {
    let found = false;
    for (const { id } of await events()) {
      await page.goto(`/events/${id}`);
      const curl = await page.getByLabel("curl command").first().innerText();
      if (!curl.includes("--data-binary '@")) continue;
      found = true;
      expect(await page.locator("main").innerText()).toContain("not UTF-8");
      expect(
        await page.getByRole("link", { name: "Download the raw body" }).getAttribute("href"),
      ).toMatch(/^\/api\/deliveries\/dlv_[^/]+\/raw$/);
    }
    expect(found).toBe(true);
  });

  it("is text on the job page: a javascript: output URL is not a link", async () => {
    await page.goto(`/jobs?endpointId=${endpoint.id}`);
    await page.getByRole("link", { name: jobId }).click();
    await page.waitForURL(/\/jobs\/job_/);
    const summary = await page.locator("main").innerText();
    expect(summary).toContain(corpus.jsUrl);
    expect(summary).toContain("not an http(s) URL");
    expect(summary).toContain(corpus.img);
    await expectNothingExecuted(page);
  });

  it("is text on the jobs list, in both views", async () => {
    for (const view of ["all", "failed"]) {
      await page.goto(`/jobs?view=${view}&endpointId=${endpoint.id}`);
      await page.getByRole("link", { name: jobId }).waitFor();
      await expectNothingExecuted(page);
    }
  });
});
