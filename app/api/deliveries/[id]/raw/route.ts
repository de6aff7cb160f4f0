import { getDeliveryBody } from "@/lib/deliveries/data";
import { apiRoute } from "@/lib/auth/api-route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const dynamic = "force-dynamic";

// GET /api/deliveries/<id>/raw - the body bytes exactly as received, as a download.
export const GET = apiRoute(
  "viewer",
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const delivery = await getDeliveryBody((await params).id);
    return new Response(Buffer.from(delivery.body), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${delivery.id}.bin"`,
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
      },
    });
  },
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
