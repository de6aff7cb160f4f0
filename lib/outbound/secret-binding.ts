// A stored secret goes only where it was entered for. Whoever changes where a secret
// is sent (a status API's base URL, the header that carries a key, a destination's
// URL) without typing the secret again would otherwise send it to a server of their
// choosing: a leaked admin token or a slip of the keyboard would be enough. So such a
// change keeps the secret only while it stays at the same place; else the secret must
// be entered again (or removed). Pure: the API, the server actions and the forms share it.

/** Where a secret is sent: an origin, and for a key carried in a header its name and prefix. */
export type SecretPlace = { origin: string; header?: string | null; prefix?: string };

/** What the secret is called and what it is used for, for the message. */
export type SecretWords = { name: string; use: string };

/** scheme://host[:port] of an absolute URL (default ports left out), or the text itself when it is not one. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * Why a stored secret cannot follow this change without being entered again, or null
 * when it stays where it was entered for. `stored` null: nothing says where the stored
 * secret was entered for, so any place needs it again.
 */
export function rebindingReason(
  words: SecretWords,
  stored: SecretPlace | null,
  next: SecretPlace,
): string | null {
  const again = "enter it again";
  if (stored === null)
    return `nothing says where the stored ${words.name} was entered for; ${again}`;
  if (stored.origin !== next.origin)
    return `the ${words.name} was entered for ${stored.origin}; ${again} to ${words.use} ${next.origin}`;
  const storedHeader = stored.header?.toLowerCase() ?? null;
  const nextHeader = next.header?.toLowerCase() ?? null;
  if (storedHeader !== nextHeader) {
    const entered = `the ${words.name} was entered to be sent in ${storedHeader === null ? "no header" : `the ${storedHeader} header`}`;
    return nextHeader === null
      ? `${entered}; remove it to send none`
      : `${entered}; ${again} to send it in the ${nextHeader} header`;
  }
  if (nextHeader !== null && (stored.prefix ?? "") !== (next.prefix ?? "")) {
    return `the ${words.name} was entered to be sent after the prefix ${JSON.stringify(stored.prefix ?? "")}; ${again} to send it after ${JSON.stringify(next.prefix ?? "")}`;
  }
  return null;
}
