// People of each role on the shared app server, made the way the app makes them:
// lib/auth/users createPerson (what an accepted invitation runs) and
// lib/auth/mutations createApiToken, in this test process, on the app's database.
// Each person can act through a personal token (acting with their role, as the API
// promises) or sign in through the login page with their password.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { TEST_AUTH_SECRET } from "./app-server";

export type TestPerson = { id: string; email: string; password: string; role: Role; token: string };

type Lib = typeof import("@/lib/auth/users") &
  typeof import("@/lib/auth/mutations") &
  typeof import("@/lib/db/client");
let lib: Lib | null = null;

async function loadLib(): Promise<Lib> {
  if (lib) return lib;
  // lib/env reads the environment once, on first use: set it before loading lib code.
  process.env.DATABASE_URL = inject("appDatabaseUrl");
  process.env.INBOX_AUTH_SECRET = TEST_AUTH_SECRET;
  lib = {
    ...(await import("@/lib/auth/users")),
    ...(await import("@/lib/auth/mutations")),
    ...(await import("@/lib/db/client")),
  };
  return lib;
}

/** A new person with `role` and a personal token; the email is unique per call. */
export async function createTestPerson(role: Role): Promise<TestPerson> {
  const { createPerson, createApiToken } = await loadLib();
  const email = `${role}-${randomUUID().slice(0, 8)}@people.test`;
  const password = `${role}-password-${randomUUID().slice(0, 8)}`;
  const { id } = await createPerson({ email, name: `Test ${role}`, password, role });
  const { token } = await createApiToken(id, `${role} test token`);
  return { id, email, password, role, token };
}

/** Closes the database pool createTestPerson opened (call in afterAll). */
export async function closeTestPeople(): Promise<void> {
  if (lib) await lib.getPool().end();
  lib = null;
}
