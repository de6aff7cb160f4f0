"use server";

// Credential header values leave the server only when a signed-in person asks for them
// (a click on "reveal" or "Include credential values"): the page itself is rendered
// with those values blanked, so they are not in its HTML or its React payload.
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isCredentialHeader } from "@/lib/http/credential-headers";
import type { HeaderList } from "@/lib/http/header-list";

const deliveryIdSchema = z.string().min(1).max(100);

async function storedHeaders(deliveryId: string): Promise<HeaderList> {
  await requireUser();
  const delivery = await getDb().delivery.findUnique({ where: { id: deliveryIdSchema.parse(deliveryId) }, select: { headers: true } });
  return (delivery?.headers ?? []) as unknown as HeaderList;
}

/** Every credential header value of a delivery, by its position in the header list. */
export async function revealCredentials(deliveryId: string): Promise<Record<number, string>> {
  const headers = await storedHeaders(deliveryId);
  return Object.fromEntries(headers.flatMap(([name, value], index) => (isCredentialHeader(name) ? [[index, value]] : [])));
}

/** One credential header value (empty when the position holds no credential). */
export async function revealCredential(deliveryId: string, index: number): Promise<string> {
  return (await revealCredentials(deliveryId))[z.number().int().min(0).parse(index)] ?? "";
}
