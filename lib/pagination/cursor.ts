// Keyset pagination: a cursor is the (timestamp, id) of the last item of a page,
// opaque to clients. Lists are newest first, so the next page holds strictly older
// rows, ties broken by id.
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { idSchema } from "@/lib/ids/schema";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "./limits";

export type Cursor = { at: Date; id: string };

export const pageParamsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  cursor: z.string().max(200).optional(),
});

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

const cursorTupleSchema = z.tuple([z.iso.datetime(), idSchema]);

export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined || value === "") return null;
  try {
    const [at, id] = cursorTupleSchema.parse(
      JSON.parse(Buffer.from(value, "base64url").toString("utf8")),
    );
    return { at: new Date(at), id };
  } catch {
    throw new AppError("invalid_cursor", "the cursor is not one this API returned");
  }
}

/** Cuts the extra row fetched to learn whether another page exists. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  timeOf: (row: T) => Date,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ at: timeOf(last), id: last.id }) : null,
  };
}
