// Encryption at rest for the secrets we must be able to use again (signing secrets,
// tokens, provider API keys, notification URLs): AES-256-GCM under a key derived from
// INBOX_SECRET_KEY. A stolen database dump or backup then holds no usable credential.
//
// Sealed form: "sealed:v1:<key id>:<iv>:<ciphertext + tag>" (base64url parts). The key
// id (a hash of the derived key, not the key) says which key sealed a value, so a
// rotated key (INBOX_SECRET_KEY_PREVIOUS) still opens old values and a wrong key is a
// clear error instead of "bad decrypt".
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

const PREFIX = "sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Key = { id: string; bytes: Buffer };

// Derivation is deterministic, so the cache only saves the HKDF per call.
const derived = new Map<string, Key>();

function deriveKey(secret: string): Key {
  let key = derived.get(secret);
  if (!key) {
    // HKDF turns any 32+ character passphrase into a uniform 256-bit key.
    const bytes = Buffer.from(hkdfSync("sha256", secret, "webhook-inbox", "secret-box v1", 32));
    key = {
      id: createHash("sha256").update("key-id:").update(bytes).digest("hex").slice(0, 12),
      bytes,
    };
    derived.set(secret, key);
  }
  return key;
}

function currentKey(): Key {
  const secret = getEnv().INBOX_SECRET_KEY;
  if (!secret)
    throw new Error("INBOX_SECRET_KEY is not set (npm start generates one into .data/secret-key)");
  return deriveKey(secret);
}

/** Every key that may open a value: the current one first, then the previous ones. */
function openingKeys(): Key[] {
  const { INBOX_SECRET_KEY_PREVIOUS: previous } = getEnv();
  return [currentKey(), ...previous.map(deriveKey)];
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** The id of the current key, as it appears in values it seals. */
export function currentKeyId(): string {
  return currentKey().id;
}

/** Whether a sealed value was sealed with the current key (else it needs resealing). */
export function isSealedWithCurrentKey(value: string): boolean {
  return isSealed(value) && value.slice(PREFIX.length).split(":")[0] === currentKey().id;
}

export function sealSecret(plain: string): string {
  const key = currentKey();
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  // The key id is authenticated too: a value cannot be relabelled to another key.
  cipher.setAAD(Buffer.from(key.id));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${key.id}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

export function openSecret(value: string): string {
  if (!isSealed(value))
    throw new Error(
      "a stored secret is not sealed; the start-up reseal step seals old plain values",
    );
  const [keyId, ivText, sealedText] = value.slice(PREFIX.length).split(":");
  const key = openingKeys().find((candidate) => candidate.id === keyId);
  if (!key || ivText === undefined || sealedText === undefined) {
    throw new Error(
      `a stored secret was sealed with key ${keyId ?? "?"}, which is neither INBOX_SECRET_KEY nor in INBOX_SECRET_KEY_PREVIOUS`,
    );
  }
  const sealed = Buffer.from(sealedText, "base64url");
  // A full-length tag only: GCM also accepts truncated tags (down to 4 bytes), which a
  // forger could guess for a short value.
  if (sealed.length < TAG_BYTES)
    throw new Error("a stored secret is too short to be a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(ivText, "base64url"), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(key.id));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]).toString("utf8");
}

export function sealSecrets(plain: readonly string[]): string[] {
  return plain.map(sealSecret);
}

export function openSecrets(values: readonly string[]): string[] {
  return values.map(openSecret);
}

/** Null stays null (an optional secret that is not set). */
export function sealOptionalSecret(plain: string | null | undefined): string | null | undefined {
  return plain == null ? plain : sealSecret(plain);
}

export function openOptionalSecret(value: string | null): string | null {
  return value === null ? null : openSecret(value);
}
