"use client";

import { useState } from "react";
import { THEME_COOKIE, type ThemeChoice } from "@/lib/ui/theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = {
  system: "Theme: system",
  light: "Theme: light",
  dark: "Theme: dark",
};

/** Cycles system -> light -> dark; remembered in a cookie so the server renders the right theme first time. */
export function ThemeToggle({ initial }: { initial: ThemeChoice }) {
  const [theme, setTheme] = useState<ThemeChoice>(initial);
  return (
    <button
      type="button"
      className="rounded-md px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
      aria-label={`${LABEL[theme]}. Switch to ${NEXT[theme]}.`}
      onClick={() => {
        const next = NEXT[theme];
        setTheme(next);
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        if (next === "system") delete document.documentElement.dataset.theme;
        else document.documentElement.dataset.theme = next;
      }}
    >
      {LABEL[theme]}
    </button>
  );
}
