// Where to register an expected job, per provider: the code that submits a render or a
// transcription, and right after the provider answers with the job's id, the call that
// tells the inbox to expect it (POST /api/endpoints/<id>/jobs). Based on each provider's
// doc in ../shared/provider-docs; the id registered is the one its callback names, since
// that is what the inbox matches the callback to. Shown on the endpoint page with a copy
// button. No database here: plain text from the provider, the endpoint and the origin.
import type { ProviderId } from "@/lib/providers/schema";

export type ExpectSnippet = {
  /** The code, ready to paste (Node 18+ fetch, as the providers' own examples use). */
  code: string;
  /** The field of the provider's answer that is the job id, as its callback names it. */
  jobIdField: string;
  /** Where the snippet comes from and what the doc leaves out. */
  note: string;
  /** The same registration from a shell script. */
  cli: string;
};

type Context = { endpointId: string; ingestUrl: string; origin: string };

function registerCall(ctx: Context, idExpression: string): string {
  return `// Right after the provider answered: tell the inbox to expect this job.
await fetch("${ctx.origin}/api/endpoints/${ctx.endpointId}/jobs", {
  method: "POST",
  headers: {
    Authorization: \`Bearer \${process.env.INBOX_TOKEN}\`,
    "Content-Type": "application/json",
  },
  body: JSON.stringify({ externalId: ${idExpression}, expectTerminalMinutes: 30 }),
});`;
}

type Recipe = {
  submit: (ctx: Context) => string;
  idExpression: string;
  jobIdField: string;
  note: string;
};

const RECIPES: Record<ProviderId, Recipe> = {
  json2video: {
    submit: (ctx) => `// Submit the movie with the inbox as its webhook destination.
const response = await fetch(\`\${JSON2VIDEO_API}/v2/movies\`, {
  method: "POST",
  headers: { "x-api-key": process.env.JSON2VIDEO_API_KEY, "Content-Type": "application/json" },
  body: JSON.stringify({
    ...movie,
    exports: [{ destinations: [{ type: "webhook", endpoint: "${ctx.ingestUrl}" }] }],
  }),
});
const { project } = await response.json();`,
    idExpression: "project",
    jobIdField: "project",
    note: "JSON2Video calls back once per movie and never retries, naming it by its project id (the same id GET /v2/movies?project= takes). Its doc names neither the API host nor the key header: use your account's.",
  },
  descript: {
    submit: (ctx) => `// Start the job with the inbox as its callback_url.
const response = await fetch("https://descriptapi.com/v1/jobs/agent", {
  method: "POST",
  headers: {
    Authorization: \`Bearer \${process.env.DESCRIPT_API_TOKEN}\`,
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    project_id,
    prompt: "Remove filler words, apply Studio Sound, and add captions",
    callback_url: "${ctx.ingestUrl}",
  }),
});
const { job_id } = await response.json();`,
    idExpression: "job_id",
    jobIdField: "job_id",
    note: "Descript calls back once, when the job finishes, with the same body as GET /jobs/{job_id}: register the job_id its create call answers with.",
  },
  scriptix: {
    submit: (ctx) => `// Upload with the inbox as the webhook_url.
const form = new FormData();
form.append("language", "en");
form.append("webhook_url", "${ctx.ingestUrl}");
form.append("audio_file", audioBlob, "audio.mp3");
const response = await fetch("https://api.scriptix.io/api/v3/stt", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.SCRIPTIX_API_KEY}\` },
  body: form,
});
const { id } = await response.json(); // "stt_..."`,
    idExpression: "id",
    jobIdField: "id",
    note: "Scriptix's callback names the transcription by data.id (stt_...) and retries 3 times. Its doc does not print the upload's answer; register the stt_ id it gives you.",
  },
  aspect: {
    submit: () => `// Create the task with your Aspect client; it answers with the Task
// (TaskGetResponse, the same object as data.task in the callbacks).
const task = await aspect.createTask({ assetId, features: ["transcription", "visual"] });`,
    idExpression: "task.id",
    jobIdField: "task.id",
    note: "Aspect's callbacks (task.progress, task.completed, task.failed) carry the task as data.task; its id is the job. Webhook endpoints are set up in Aspect's dashboard, not per task.",
  },
  clipzy: {
    submit: (ctx) => `// Create the job with the inbox as its webhook_url.
const response = await fetch(\`\${CLIPZY_API}/api/v1/jobs\`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({
    video_id: "vid_abc123def456",
    config: { quality: "high" },
    webhook_url: "${ctx.ingestUrl}",
  }),
});
const { job_id } = await response.json(); // "job_..."`,
    idExpression: "job_id",
    jobIdField: "job_id",
    note: "Clipzy posts once when the job reaches completed, failed or cancelled, naming it by job_id.",
  },
  "standard-webhooks": {
    submit: () => `// Submit the work; the sender answers with the id its webhooks will name.
const { id: jobId } = await submitJob(...);`,
    idExpression: "jobId",
    jobIdField: "the job id field set in this endpoint's job fields",
    note: "Register the id the webhooks carry at this endpoint's job id path; without one set, callbacks make no job.",
  },
  generic: {
    submit: () => `// Submit the work; the provider answers with the id its callbacks will name.
const { id: jobId } = await submitJob(...);`,
    idExpression: "jobId",
    jobIdField: "the job id field set in this endpoint's job fields",
    note: "Register the id the callbacks carry at this endpoint's job id path; without one set, callbacks make no job.",
  },
};

export function expectSnippet(provider: ProviderId, ctx: Context): ExpectSnippet {
  const recipe = RECIPES[provider];
  return {
    code: `${recipe.submit(ctx)}\n\n${registerCall(ctx, recipe.idExpression)}`,
    jobIdField: recipe.jobIdField,
    note: recipe.note,
    cli: `npx webhook-inbox expect --endpoint ${ctx.endpointId} --job "$JOB_ID" --within 30m`,
  };
}
