// A channel URL is a credential (whoever has a Slack incoming-webhook URL can post to
// the channel), so people see only enough to tell channels apart: the host, a first
// path segment that names a route ("services", "hooks"), the first character of the
// next one, and "…" for the rest: "hooks.slack.com/services/T…/…".

const ROUTE_WORD = /^[A-Za-z][A-Za-z-]{0,23}$/;

export function maskChannelUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "…";
  }
  const segments = url.pathname.split("/").filter(Boolean);
  const shown: string[] = [];
  const [first, second] = segments;
  let rest = segments.length;
  if (first !== undefined && ROUTE_WORD.test(first)) {
    shown.push(first);
    rest -= 1;
    if (second !== undefined) {
      shown.push(`${[...second][0] ?? ""}…`);
      rest -= 1;
    }
  }
  if (rest > 0 || url.search) shown.push("…");
  return [url.host, ...shown].join("/");
}
