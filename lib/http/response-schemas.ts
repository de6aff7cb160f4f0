// Building blocks of the API's response schemas (each domain's schema.ts holds its own
// shapes; lib/openapi turns them into the contract). Serializers type their return with
// z.infer of these, so a field added to an answer but not to its schema does not compile.
import { z } from "zod";
import { errorStatus, type ErrorCode } from "./app-error";

/** Every time the API answers: `Date.toISOString()`, always UTC. */
export const timestampSchema = z.iso.datetime();

/** A value stored as JSON as it arrived (payloads, metadata, settings): any JSON. */
export const jsonValueSchema = z.unknown().meta({ description: "any JSON value" });

/** Headers as received or sent: [name, value] pairs in order, repeats kept. */
export const headerListSchema = z.array(z.tuple([z.string(), z.string()]));

/** One page of a keyset-paged list: pass nextCursor back as ?cursor= (null: the last page). */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The error body for one status: the codes lib/http/app-error.ts answers it with. */
export function errorBodySchema(status: number) {
  const codes = (Object.keys(errorStatus) as ErrorCode[]).filter(
    (code) => errorStatus[code] === status,
  );
  return z.object({
    error: z.object({
      code: z.enum(codes as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      /** validation_failed: every issue, with the path of the field it is about. */
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  });
}

/** Every status an error is answered with. */
export const errorStatuses = [...new Set(Object.values(errorStatus))].sort((a, b) => a - b);
