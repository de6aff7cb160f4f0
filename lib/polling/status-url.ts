// The status URL for one job. Job ids come from payloads, which are hostile: the id is
// percent-encoded so it stays one path segment or query value, and "." / ".." (which
// URL parsing would resolve, walking up the provider's API with our credential) are
// refused.
import { AppError } from "@/lib/http/app-error";
import { parseOutboundUrl } from "@/lib/outbound/guarded-fetch";
import { JOB_ID_PLACEHOLDER, type PollingSettings } from "./schema";

export function statusUrl(
  settings: Pick<PollingSettings, "baseUrl" | "pathTemplate">,
  jobId: string,
): string {
  if (jobId === "." || jobId === "..")
    throw new AppError(
      "validation_failed",
      `the job id ${JSON.stringify(jobId)} cannot be put into a status URL`,
    );
  const path = settings.pathTemplate.replaceAll(JOB_ID_PLACEHOLDER, encodeURIComponent(jobId));
  const url = `${settings.baseUrl.replace(/\/+$/, "")}${path}`;
  // Validates the result again: the base URL was checked when saved, the whole is checked now.
  return parseOutboundUrl(url).toString();
}
