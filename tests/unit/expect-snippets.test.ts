// The endpoint page's "where to register the job" code, per provider: the submit call
// from the provider's doc, with the inbox as its callback target, and the registration
// after the provider's answer, of the id its callback names.
import { describe, expect, it } from "vitest";
import { expectSnippet } from "@/lib/jobs/expect-snippets";
import { providerIds, type ProviderId } from "@/lib/providers/schema";

const ctx = {
  endpointId: "ep_test123",
  ingestUrl: "https://hooks.example.com/in/KEY123",
  origin: "https://hooks.example.com",
};

const expected: Partial<Record<ProviderId, { submit: string; answer: string; id: string }>> = {
  json2video: {
    submit: "/v2/movies",
    answer: "const { project } = await response.json();",
    id: "externalId: project",
  },
  descript: {
    submit: "https://descriptapi.com/v1/jobs/agent",
    answer: "const { job_id } = await response.json();",
    id: "externalId: job_id",
  },
  scriptix: {
    submit: "https://api.scriptix.io/api/v3/stt",
    answer: "const { id } = await response.json();",
    id: "externalId: id",
  },
  clipzy: {
    submit: "/api/v1/jobs",
    answer: "const { job_id } = await response.json();",
    id: "externalId: job_id",
  },
  aspect: { submit: "createTask", answer: "const task = await", id: "externalId: task.id" },
};

describe("expected-job snippets", () => {
  it.each(providerIds)("%s: registers at this endpoint after the provider answered", (provider) => {
    const snippet = expectSnippet(provider, ctx);
    const registerAt = snippet.code.indexOf(
      "https://hooks.example.com/api/endpoints/ep_test123/jobs",
    );
    expect(registerAt).toBeGreaterThan(0);
    expect(snippet.code).toContain("Authorization: `Bearer ${process.env.INBOX_TOKEN}`");
    expect(snippet.cli).toBe(
      'npx webhook-inbox expect --endpoint ep_test123 --job "$JOB_ID" --within 30m',
    );
    const want = expected[provider];
    if (!want) return;
    expect(snippet.code).toContain(want.submit);
    expect(snippet.code.indexOf(want.answer)).toBeGreaterThanOrEqual(0);
    expect(snippet.code.indexOf(want.answer)).toBeLessThan(registerAt);
    expect(snippet.code.indexOf(want.id)).toBeGreaterThan(registerAt);
  });

  it.each(["json2video", "descript", "scriptix", "clipzy"] as const)(
    "%s: the submit call names the ingest URL as its callback",
    (provider) => {
      expect(expectSnippet(provider, ctx).code).toContain('"https://hooks.example.com/in/KEY123"');
    },
  );
});
