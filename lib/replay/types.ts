import type { FormState } from "@/lib/forms/form-state";

/** The event page's replay form: the attempt it made, once it made one. */
export type ReplayState = FormState<{
  attempt: {
    id: string;
    status: string;
    responseStatus: number | null;
    error: string | null;
  } | null;
}>;
