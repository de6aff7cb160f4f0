// Hostile text shown as text can still mislead: bidirectional controls (U+202E "RLO")
// reorder what is displayed, and control characters are invisible. They are shown as
// \uXXXX escapes instead, so what a person reads is what was stored.
const HIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function visibleText(value: string): string {
  return value.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
