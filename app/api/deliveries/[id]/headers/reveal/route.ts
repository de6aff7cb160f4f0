import { auditActorOf } from "@/lib/audit/actor";
import {
  revealCredentialHeaderSchema,
  type RevealedCredentialHeader,
} from "@/lib/deliveries/schema";
import { revealCredentialHeader } from "@/lib/deliveries/reveal-credential";
import { apiRoute, parseJsonBody } from "@/lib/auth/api-route";
import { jsonResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// POST /api/deliveries/<id>/headers/reveal - the plain value(s) of one credential header; admin, audited.
export const POST = apiRoute(
  "admin",
  async (request: Request, { params }: { params: Promise<{ id: string }> }, principal) => {
    const deliveryId = (await params).id;
    const { name } = await parseJsonBody(request, revealCredentialHeaderSchema);
    const values = await revealCredentialHeader(deliveryId, name, auditActorOf(principal));
    return jsonResponse({ deliveryId, name, values } satisfies RevealedCredentialHeader);
  },
);

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
