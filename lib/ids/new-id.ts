// Prefixed random ids (ep_, evt_, dlv_, job_): the prefix tells a reader what an id
// names in logs and support tickets; 120 random bits make them unguessable.
import { randomBytes } from "node:crypto";

export type IdPrefix = "ep" | "evt" | "dlv" | "job";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(15).toString("base64url")}`;
}

/** The secret part of an ingest URL: 192 random bits, URL-safe. */
export function newEndpointKey(): string {
  return randomBytes(24).toString("base64url");
}
