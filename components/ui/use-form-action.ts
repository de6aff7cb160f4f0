"use client";

import { startTransition, useActionState, type FormEvent } from "react";

/**
 * useActionState for a form that keeps what was typed when the action answers with an
 * error: React resets a form submitted through its `action` prop once the action ends.
 * Pass both: `action` still works without JavaScript; `onSubmit` takes over with it.
 */
export function useFormAction<S>(action: (previous: Awaited<S>, form: FormData) => Promise<S>, initial: Awaited<S>) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  return { state, formAction, onSubmit, pending };
}
