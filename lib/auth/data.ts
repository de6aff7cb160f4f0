// Reads for signing in and setting up that are not Better Auth's own.
import { getDb } from "@/lib/db/client";

/** The SHA-256 (hex) of the set-up code, or null when there is none (someone exists). */
export async function readSetupCodeHash(): Promise<string | null> {
  const row = await getDb().setupCode.findUnique({ where: { id: 1 }, select: { codeHash: true } });
  return row?.codeHash ?? null;
}
