"use client";

import { useState, useTransition } from "react";
import { Select } from "@/components/ui/field";
import { asRole, type Role } from "@/lib/auth/roles";
import type { FormState } from "@/lib/forms/form-state";

type State = FormState;

/** An admin's control over a teammate's role; the server refuses demoting the last admin. */
export function RoleSelect({
  role,
  memberLabel,
  change,
}: {
  role: Role;
  memberLabel: string;
  change: (role: string) => Promise<State>;
}) {
  const [value, setValue] = useState(role);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Select
        aria-label={`Role of ${memberLabel}`}
        value={value}
        disabled={pending}
        className="h-7 w-28 text-xs"
        onChange={(event) => {
          const next = asRole(event.target.value);
          setValue(next);
          setSaved(false);
          startTransition(async () => {
            const result = await change(next);
            setError(result.error);
            setSaved(!result.error);
            if (result.error) setValue(role);
          });
        }}
      >
        <option value="viewer">Viewer</option>
        <option value="member">Member</option>
        <option value="admin">Admin</option>
      </Select>
      {saved && (
        <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          Saved
        </span>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
