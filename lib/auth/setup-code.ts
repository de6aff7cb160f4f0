// The one-time code that the set-up page asks for, so that the first visitor of a
// fresh instance exposed to the internet cannot make themselves admin. npm start
// makes it (scripts/local-secrets.ts) while nobody has an account, prints it and
// writes it to .data/setup-code; Postgres keeps only its SHA-256, so every app process
// on the database accepts the same code. Creating the first admin deletes it.
import { createHash, randomBytes } from "node:crypto";
import { equalBytes } from "@/lib/verify/constant-time";
import { readSetupCodeHash } from "./data";

/** 120 random bits, in characters that survive copying from a terminal. */
export const newSetupCode = () => randomBytes(15).toString("base64url");

/** Spaces around a pasted code are not part of it. */
export const hashSetupCode = (code: string) =>
  createHash("sha256").update(code.trim(), "utf8").digest("hex");

/** Constant-time: the stored hash against the hash of what was typed. */
export async function isSetupCodeCorrect(code: string): Promise<boolean> {
  const stored = await readSetupCodeHash();
  if (stored === null || code.trim() === "") return false;
  return equalBytes(Buffer.from(hashSetupCode(code), "hex"), Buffer.from(stored, "hex"));
}
