// Strict decoders for signature and secret text taken from hostile headers. Node's
// Buffer.from(text, "base64"|"hex") silently skips bad characters and stops at odd
// lengths, so a garbage header could decode to a short but plausible byte string.

// Standard alphabet, padding required, so every accepted text has one byte meaning.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** The bytes of canonical, padded, standard base64 text, or null if it is anything else. */
export function decodeBase64Strict(text: string): Buffer | null {
  if (!BASE64.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  // Non-zero bits in the last character's unused part would give a second spelling.
  return bytes.toString("base64") === text ? bytes : null;
}

/** The bytes of hex text (either case, even length), or null. */
export function decodeHexStrict(text: string): Buffer | null {
  return HEX.test(text) ? Buffer.from(text, "hex") : null;
}
