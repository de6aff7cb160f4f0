// Next answers a method a route does not export with an empty 405; ours says what
// works, in the standard error shape, with an Allow header.
import { AppError } from "./app-error";
import { errorResponse } from "./error-response";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** Handlers for every method except `allowed`: `export const { POST, DELETE } = otherMethods("GET");` */
export function otherMethods(...allowed: Method[]): Record<Method, () => Response> {
  const allow = allowed.join(", ");
  const reject = () =>
    errorResponse(
      new AppError("method_not_allowed", `this route accepts ${allow}`, { headers: { allow } }),
    );
  return Object.fromEntries(METHODS.map((method) => [method, reject])) as Record<
    Method,
    () => Response
  >;
}
