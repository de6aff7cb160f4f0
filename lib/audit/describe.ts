// Audit entries as words, for the Settings tab: what each action is called and the
// details on one line. Details hold names, ids and counts only (never values), so
// showing all of them is safe.
import type { AuditAction } from "./constants";

const ACTION_LABELS: Record<AuditAction, string> = {
  "endpoint.created": "Endpoint created",
  "endpoint.updated": "Endpoint changed",
  "endpoint.archived": "Endpoint archived",
  "endpoint.secret_added": "Secret added",
  "endpoint.secret_removed": "Secret removed",
  "destination.created": "Destination added",
  "destination.updated": "Destination changed",
  "destination.deleted": "Destination removed",
  "polling.updated": "Polling settings saved",
  "polling.deleted": "Polling turned off",
  "alert_channel.created": "Alert channel added",
  "alert_channel.updated": "Alert channel changed",
  "alert_channel.deleted": "Alert channel removed",
  "team.invited": "Teammate invited",
  "team.invitation_revoked": "Invitation revoked",
  "team.role_changed": "Role changed",
  "team.member_removed": "Member removed",
  "token.revoked": "Someone's API token revoked",
  "credential.revealed": "Stored credential revealed",
  "replay.bulk_started": "Bulk replay started",
  "replay.job_started": "Job replay started",
  "job.registered": "Expected jobs registered",
  "retention.run": "Retention run started by hand",
  "sign_in.failed": "Sign-in failed",
  "setup.completed": "Set-up completed",
};

export function describeAction(action: string): string {
  return action in ACTION_LABELS ? ACTION_LABELS[action as AuditAction] : action;
}

/** `{ fields: ["name", "verification"], secretCount: 2 }` -> "fields: name, verification · secretCount: 2". */
export function describeDetails(details: unknown): string {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return "";
  return Object.entries(details)
    .map(
      ([name, value]) =>
        `${name}: ${Array.isArray(value) ? value.join(", ") || "none" : String(value)}`,
    )
    .join(" · ");
}
