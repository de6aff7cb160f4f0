"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";

/**
 * useActionState for a form that keeps what was typed when the action answers with an
 * error: React resets a form submitted through its `action` prop once the action ends.
 * Pass both: `action` still works without JavaScript; `onSubmit` takes over with it.
 */
export function useFormAction<S>(
  action: (previous: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  return { state, formAction, onSubmit, pending };
}

/**
 * useFormAction for a form that starts empty again after each success (the next
 * item to add; a typed secret not left in the page), and keeps what was typed on an
 * error. Render the form with `key={formKey}`.
 */
export function useResettingFormAction<S extends { done?: string }>(
  action: (previous: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
) {
  const [formKey, setFormKey] = useState(0);
  const form = useFormAction<S>(async (previous, data) => {
    const next = await action(previous, data);
    if (next.done) setFormKey((key) => key + 1);
    return next;
  }, initial);
  return { ...form, formKey };
}
