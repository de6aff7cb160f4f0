// Any other /api path: a JSON 404 rather than Next's HTML page, so scripts and the
// CLI always get the { error: { code, message } } shape.
import { AppError } from "@/lib/http/app-error";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

function unknownRoute(request: Request): Response {
  return errorResponse(
    new AppError(
      "not_found",
      `no API route ${request.method} ${new URL(request.url).pathname}; see docs/api.md`,
    ),
  );
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
