// Prisma CLI configuration. Only `prisma generate` runs here (it needs no database);
// migrations are applied by scripts/migrate.ts with Prisma-compatible bookkeeping.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
