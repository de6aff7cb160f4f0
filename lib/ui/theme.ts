// The person's theme choice, in a cookie so that the server renders <html
// data-theme> right away (no flash of the wrong theme, no inline script).
export const THEME_COOKIE = "inbox-theme";
export type ThemeChoice = "system" | "light" | "dark";

export function parseTheme(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}
