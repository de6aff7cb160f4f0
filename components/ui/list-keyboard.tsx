"use client";

import { useEffect } from "react";

/**
 * j / k move through the rows of the page's list (elements with data-nav-item, which
 * should be links or contain one), Enter opens the focused row, / focuses the search
 * box (data-search-input). Keys typed into a form field are left alone.
 */
export function ListKeyboard() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (
        target &&
        (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
      )
        return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-search-input]");
        if (search) {
          event.preventDefault();
          search.focus();
        }
        return;
      }
      if (event.key !== "j" && event.key !== "k") return;
      const rows = [...document.querySelectorAll<HTMLElement>("[data-nav-item]")];
      if (rows.length === 0) return;
      event.preventDefault();
      const current = rows.findIndex(
        (row) => row === document.activeElement || row.contains(document.activeElement),
      );
      const next =
        current === -1
          ? 0
          : Math.min(rows.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
      const row = rows[next];
      const focusable = row?.matches("a, button")
        ? row
        : row?.querySelector<HTMLElement>("a, button");
      (focusable ?? row)?.focus();
      row?.scrollIntoView({ block: "nearest" });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
