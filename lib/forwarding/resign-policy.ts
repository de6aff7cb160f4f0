// Who may have a callback re-signed. A signature of ours vouches for a body: whoever
// checks it trusts that the provider sent those bytes. So a delivery whose signature
// failed is never re-signed (it may go as received, marked X-Inbox-Verification:
// failed); an unsigned one (an endpoint without a scheme, where anyone who knows the
// ingest URL could have sent it) only when an admin asks.
import { hasRole, type Role } from "@/lib/auth/roles";
import type { ResignMode } from "@/lib/destinations/schema";
import { AppError } from "@/lib/http/app-error";
import type { VerificationOutcome } from "@/lib/verify/types";

export const NOT_VERIFIED_MESSAGE =
  "this callback failed verification; it can be replayed as received, not re-signed";

export const notVerified = (message = NOT_VERIFIED_MESSAGE) =>
  new AppError("not_verified", message);

/** Why `role` may not have a delivery of this verification re-signed (409 not_verified, 403 forbidden), or null when they may. */
export function resignRefusal(verification: VerificationOutcome, role: Role): AppError | null {
  if (verification === "failed") return notVerified();
  if (verification === "unsigned" && !hasRole(role, "admin")) {
    return new AppError(
      "forbidden",
      `re-signing an unsigned callback (its endpoint checks no signature) needs the admin role; you are a ${role}. Replay it as received instead`,
    );
  }
  return null;
}

/** Throws resignRefusal's error when re-signing is asked and refused. */
export function requireResignAllowed(
  verification: VerificationOutcome,
  mode: ResignMode,
  role: Role,
): void {
  const refusal = mode === "none" ? null : resignRefusal(verification, role);
  if (refusal) throw refusal;
}

/** An automatic forward signs as its destination says, except a failed delivery: that goes as received. */
export function forwardResignMode(
  destinationMode: ResignMode,
  verification: VerificationOutcome,
): ResignMode {
  return verification === "failed" ? "none" : destinationMode;
}

/**
 * A bulk replay is re-signed whole or not at all: refused when any matching event may
 * not be re-signed, so nothing goes out half-signed and the person narrows the filter.
 */
export function requireBulkResignAllowed(
  verifications: VerificationOutcome[],
  mode: ResignMode,
  role: Role,
): void {
  if (mode === "none") return;
  const count = (outcome: VerificationOutcome) => verifications.filter((v) => v === outcome).length;
  const of = (n: number) =>
    `${n.toLocaleString("en")} of the ${verifications.length.toLocaleString("en")} matching events`;
  const failed = count("failed");
  if (failed > 0) {
    throw notVerified(
      `${of(failed)} failed verification: they can be replayed as received, not re-signed. Narrow the filter (verification=verified) or replay without re-signing`,
    );
  }
  const unsigned = count("unsigned");
  if (unsigned > 0 && !hasRole(role, "admin")) {
    throw new AppError(
      "forbidden",
      `${of(unsigned)} are unsigned (their endpoint checks no signature): re-signing them needs the admin role; you are a ${role}. Narrow the filter (verification=verified) or replay without re-signing`,
    );
  }
}

/** Why these events may not be re-signed by `role` (the bulk rule above), or null: for a form to say before it is sent. */
export function bulkResignRefusal(verifications: VerificationOutcome[], role: Role): string | null {
  try {
    requireBulkResignAllowed(verifications, "provider", role);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
