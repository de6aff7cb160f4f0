// The ids we mint (lib/ids/new-id.ts) and the one schema every id from outside (a URL
// segment, a form field, a query parameter) is read with.
import { z } from "zod";

/** Each prefix names what an id is of, in logs and support tickets. */
export const idPrefixes = [
  "ep", // endpoint
  "evt", // event
  "dlv", // delivery
  "job", // job
  "tok", // API token
  "inv", // invitation
  "dst", // destination
  "att", // attempt
  "rpl", // bulk replay
  "pol", // poll
  "ach", // alert channel
  "alr", // alert
  "aud", // audit entry
] as const;
export type IdPrefix = (typeof idPrefixes)[number];

/**
 * Any id a caller names: ours (`<prefix>_<random>`) or Better Auth's (users). Not checked
 * for a prefix: an id of the wrong kind is simply not found (404), as before.
 */
export const idSchema = z.string().min(1).max(100);

export function hasIdPrefix(id: string, prefix: IdPrefix): boolean {
  return id.startsWith(`${prefix}_`);
}
