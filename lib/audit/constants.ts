// Every action the audit log records. A closed list, so the Settings tab and the API
// can name each one and a typo cannot invent a new kind.
export const AUDIT_ACTIONS = [
  "endpoint.created",
  "endpoint.updated",
  "endpoint.archived",
  "endpoint.secret_added",
  "endpoint.secret_removed",
  "destination.created",
  "destination.updated",
  "destination.deleted",
  "polling.updated",
  "polling.deleted",
  "alert_channel.created",
  "alert_channel.updated",
  "alert_channel.deleted",
  "team.invited",
  "team.invitation_revoked",
  "team.role_changed",
  "team.member_removed",
  "token.revoked",
  "credential.revealed",
  "replay.bulk_started",
  "replay.job_started",
  "job.registered",
  "retention.run",
  "sign_in.failed",
  "setup.completed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
