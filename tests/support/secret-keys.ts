// Switches INBOX_SECRET_KEY (and the previous keys) for unit tests of sealing, and puts
// the environment back afterwards: lib/env reads it once, so each switch reloads it.
import { afterEach, beforeEach } from "vitest";
import { reloadEnv } from "@/lib/env";

export const KEY_A = "unit-test-key-a-0123456789abcdefghijklmnop";
export const KEY_B = "unit-test-key-b-0123456789abcdefghijklmnop";

export function useKeys(current: string | undefined, previous?: string): void {
  if (current === undefined) delete process.env.INBOX_SECRET_KEY;
  else process.env.INBOX_SECRET_KEY = current;
  if (previous === undefined) delete process.env.INBOX_SECRET_KEY_PREVIOUS;
  else process.env.INBOX_SECRET_KEY_PREVIOUS = previous;
  reloadEnv();
}

/** Every test of the file starts with KEY_A alone; the environment is restored after each. */
export function startEachTestWithKeyA(): void {
  const saved = {
    key: process.env.INBOX_SECRET_KEY,
    previous: process.env.INBOX_SECRET_KEY_PREVIOUS,
  };
  beforeEach(() => useKeys(KEY_A));
  afterEach(() => useKeys(saved.key, saved.previous));
}
