import type { Metadata } from "next";
import Link from "next/link";
import { NewEndpointForm } from "@/components/endpoints/new-endpoint-form";
import { presetGuides } from "@/components/endpoints/scheme-guide";
import { PageHeader } from "@/components/ui/page-header";
import { RoleNote } from "@/components/ui/role-note";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_BODY_LIMIT_BYTES, MAX_BODY_LIMIT_BYTES } from "@/lib/endpoints/schema";
import { createEndpointAction } from "../actions";

export const metadata: Metadata = { title: "New endpoint" };

export default async function NewEndpointPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/endpoints" className="hover:underline">
            Endpoints
          </Link>
        }
        title="New endpoint"
        description="You get an ingest URL to paste into the provider as its callback URL."
      />
      {hasRole(user.role, "admin") ? (
        <NewEndpointForm
          guides={presetGuides()}
          action={createEndpointAction}
          defaultBodyLimitKib={DEFAULT_BODY_LIMIT_BYTES / 1024}
          maxBodyLimitKib={MAX_BODY_LIMIT_BYTES / 1024}
        />
      ) : (
        <RoleNote>
          Only admins can create endpoints. Ask one to create it, or to make you an admin.
        </RoleNote>
      )}
    </>
  );
}
