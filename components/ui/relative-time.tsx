"use client";

import { useEffect, useState } from "react";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];
const format = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

export function relativeTime(date: Date, now: number): string {
  const delta = date.getTime() - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(delta) >= ms || unit === "second")
      return format.format(Math.round(delta / ms), unit);
  }
  return "";
}

/**
 * "3 min ago", kept fresh; the exact UTC time is in the tooltip and the datetime
 * attribute. The server renders the absolute time so the first paint never jumps.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(iso);
  const absolute = date
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  return (
    <time dateTime={iso} title={absolute} className="whitespace-nowrap tabular-nums">
      {now === null ? absolute : relativeTime(date, now)}
    </time>
  );
}
