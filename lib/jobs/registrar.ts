// How the caller that registers a job authenticated, as kept on the job.
import type { Principal } from "@/lib/auth/authenticate";
import type { RegisteredVia } from "./mutations";

export function registeredVia(principal: Principal): RegisteredVia {
  return principal.kind === "operator" ? "operator" : principal.via;
}
