// Secrets a single-machine install needs without configuration: taken from the
// environment, or generated once into .data/ and reused by every later start (and by
// npm run db:seed, which must seal secrets with the same key as the app).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "./database";

/**
 * A secret from the environment, or one generated once into .data/<file> and reused
 * on every start ("wx": when several processes start at once, the first writer wins
 * and everyone reads its value).
 */
export async function ensureSecret(variable: "INBOX_API_TOKEN" | "INBOX_AUTH_SECRET" | "INBOX_SECRET_KEY", file: string, prefix: string): Promise<{ value: string; source: string }> {
  const fromEnv = process.env[variable];
  if (fromEnv) return { value: fromEnv, source: variable };
  const filePath = path.join(DATA_DIR, file);
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(filePath, `${prefix}${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  const value = (await readFile(filePath, "utf8")).trim();
  process.env[variable] = value;
  return { value, source: path.relative(process.cwd(), filePath) };
}

