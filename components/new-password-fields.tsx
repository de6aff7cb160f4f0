import { Field, Input } from "@/components/ui/field";

/** A new password and its confirmation, the same on set-up, invitation and settings. */
export function NewPasswordFields({
  minLength,
  name = "password",
  label = "Password",
}: {
  minLength: number;
  name?: string;
  label?: string;
}) {
  return (
    <>
      <Field label={label} htmlFor={name} hint={`At least ${minLength} characters.`}>
        <Input
          id={name}
          name={name}
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
        />
      </Field>
      <Field label={`Confirm ${label.toLowerCase()}`} htmlFor={`${name}-confirm`}>
        <Input
          id={`${name}-confirm`}
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
        />
      </Field>
    </>
  );
}
