// Secrets a single-machine install needs without configuration: taken from the
// environment, or generated once into .data/ and reused by every later start (and by
// npm run db:seed, which must seal secrets with the same key as the app).
import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { storeSetupCodeHash } from "@/lib/auth/mutations";
import { hashSetupCode, newSetupCode } from "@/lib/auth/setup-code";
import { countPeople } from "@/lib/auth/data";
import { getEnv } from "@/lib/env";
import { DATA_DIR } from "./database";

/**
 * A secret from the environment, or one generated once into .data/<file> and reused
 * on every start ("wx": when several processes start at once, the first writer wins
 * and everyone reads its value).
 */
export async function ensureSecret(
  variable: "INBOX_API_TOKEN" | "INBOX_AUTH_SECRET" | "INBOX_SECRET_KEY",
  file: string,
  prefix: string,
): Promise<{ value: string; source: string }> {
  const fromEnv = process.env[variable];
  if (fromEnv) return { value: fromEnv, source: variable };
  const filePath = path.join(DATA_DIR, file);
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(filePath, `${prefix}${randomBytes(32).toString("base64url")}\n`, {
    mode: 0o600,
    flag: "wx",
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  const value = (await readFile(filePath, "utf8")).trim();
  process.env[variable] = value;
  return { value, source: path.relative(process.cwd(), filePath) };
}

/**
 * The set-up page's one-time code while nobody has an account (lib/auth/setup-code.ts),
 * and the line that tells the operator where it is; null once someone exists (and the
 * plain copy is removed). INBOX_SETUP_CODE, when set, is the code. Otherwise the first
 * process to store one on the database makes it and writes it to <dataDir>/setup-code;
 * the others on the same database keep that code (its hash is in Postgres) and say where
 * to find it.
 */
export async function ensureSetupCode(dataDir: string = DATA_DIR): Promise<string | null> {
  const filePath = path.join(dataDir, "setup-code");
  const relative = path.relative(process.cwd(), filePath);
  const shown = relative.startsWith("..") || path.isAbsolute(relative) ? filePath : relative;
  if ((await countPeople()) > 0) {
    await rm(filePath, { force: true });
    return null;
  }
  const fromEnv = getEnv().INBOX_SETUP_CODE;
  if (fromEnv) {
    await storeSetupCodeHash(hashSetupCode(fromEnv), { replace: true });
    return "set-up code: from INBOX_SETUP_CODE";
  }
  const code = newSetupCode();
  if (await storeSetupCodeHash(hashSetupCode(code), { replace: false })) {
    await mkdir(dataDir, { recursive: true });
    // Removed first so that the new file gets mode 0600 even where an old one was.
    await rm(filePath, { force: true });
    await writeFile(filePath, `${code}\n`, { mode: 0o600 });
    return `set-up code: ${code} (also in ${shown}; /setup asks for it once)`;
  }
  const isHere = await access(filePath).then(
    () => true,
    () => false,
  );
  return isHere
    ? `set-up code: in ${shown}`
    : `set-up code: made by another app process on this database (in its ${shown}); or restart with INBOX_SETUP_CODE to choose one`;
}
