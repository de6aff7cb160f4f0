// Where a replay goes: one of the offered destinations, or "Another URL…" with a field
// for it. Shared by the event page's replay form and the Inbox's bulk replay dialog.
import type { InputHTMLAttributes } from "react";
import { Field, Input, Select } from "@/components/ui/field";

export type TargetOption = { id: string; label: string };

type Props = {
  idPrefix: string;
  options: TargetOption[];
  /** A destination id, or "url". */
  target: string;
  onTargetChange: (target: string) => void;
  /** For a controlled URL field (value, onChange); by default the field is read from the form as "url". */
  urlInput?: InputHTMLAttributes<HTMLInputElement>;
};

export function ReplayTargetFields({ idPrefix, options, target, onTargetChange, urlInput }: Props) {
  return (
    <>
      <Field label="Send to" htmlFor={`${idPrefix}-target`}>
        <Select
          id={`${idPrefix}-target`}
          name="target"
          value={target}
          onChange={(e) => onTargetChange(e.target.value)}
        >
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
          <option value="url">Another URL…</option>
        </Select>
      </Field>
      {target === "url" && (
        <Field
          label="URL"
          htmlFor={`${idPrefix}-url`}
          hint="http(s) only; private and loopback addresses are refused unless the operator allows them."
        >
          <Input
            id={`${idPrefix}-url`}
            name="url"
            type="url"
            required
            placeholder="https://staging.example.com/hooks/render"
            {...urlInput}
          />
        </Field>
      )}
    </>
  );
}
