// /docs/api - the API contract as a readable page, public like /api/openapi.json (it
// shows routes and shapes, never data). Server-rendered from the same document.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ApiReference } from "@/components/docs/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { openApiDocument } from "@/lib/openapi/document";
import { parseTheme, THEME_COOKIE } from "@/lib/ui/theme";
import { BrandLink } from "@/components/brand-link";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiDocsPage() {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const document = openApiDocument();
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
          <BrandLink />
          <div className="ml-auto flex items-center gap-3 text-xs">
            <ThemeToggle initial={theme} />
            <a
              href="/api/openapi.json"
              className="rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
            >
              openapi.json
            </a>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <PageHeader
          title={document.info.title}
          eyebrow={`OpenAPI ${document.openapi} · version ${document.info.version}`}
          description={
            <>
              Send a personal API token as <code>Authorization: Bearer …</code> (a signed-in
              browser&apos;s session cookie works too). Each operation names the least role it
              needs. Errors are <code>{'{ "error": { "code", "message" } }'}</code>; a method a
              route does not serve answers 405, any other /api path 404.
            </>
          }
        />
        <ApiReference document={document} />
      </main>
    </div>
  );
}
