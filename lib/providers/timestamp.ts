// When the provider says a callback happened; orders callbacks that arrive out of order.
import { readPath } from "./json-path";

// RFC 3339 / ISO 8601 extended format: a date, optionally a time, optionally a zone.
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/** Unix values above this are milliseconds (1e12 s is the year 33658; 1e12 ms is 2001). */
const MILLISECONDS_THRESHOLD = 1e12;

const unixDigitsPattern = /^\d{1,16}$/;

/**
 * A provider timestamp as a Date: an ISO 8601 string, or Unix seconds (milliseconds
 * above 1e12) as a number or digit string. Anything else, a date that does not
 * exist (Feb 30, hour 25) or one before 1970 is null.
 */
export function parseProviderTimestamp(value: unknown): Date | null {
  if (typeof value === "number") return fromUnix(value);
  if (typeof value !== "string") return null;
  if (unixDigitsPattern.test(value)) return fromUnix(Number(value));
  return fromIso(value);
}

/** The top-level `timestamp` or `updated_at` some providers send "when present". */
export function readPayloadTimestamp(payload: unknown): Date | null {
  return (
    parseProviderTimestamp(readPath(payload, "timestamp")) ??
    parseProviderTimestamp(readPath(payload, "updated_at"))
  );
}

function fromUnix(value: number): Date | null {
  if (!Number.isFinite(value) || value < 0) return null;
  return validDate(value > MILLISECONDS_THRESHOLD ? value : value * 1000);
}

function fromIso(value: string): Date | null {
  const m = isoPattern.exec(value);
  if (!m) return null;
  const part = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [
    part(1),
    part(2),
    part(3),
    part(4),
    part(5),
    part(6),
  ];
  // Date.UTC maps years 0-99 to 1900-1999, and no provider reports jobs before the epoch.
  if (year < 1970) return null;
  // Date.UTC rolls Feb 30 into March; a date that does not exist is not a timestamp.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const [offsetHours, offsetMins] = [part(10), part(11)];
  if (offsetHours > 23 || offsetMins > 59) return null;
  // A missing zone is read as UTC, not the server's local time, so results don't depend on the host.
  const offsetMinutes = (m[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  return validDate(
    Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000,
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(ms: number): Date | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}
