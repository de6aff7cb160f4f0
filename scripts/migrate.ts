// npm run db:migrate - applies pending migrations to DATABASE_URL (or to the embedded
// database when DATABASE_URL is not set, starting and stopping it around the run).
import { applyMigrations } from "@/lib/db/migrate";
import { withDatabase } from "./database";

await withDatabase(async (url) => {
  const { applied } = await applyMigrations(url);
  console.log(
    applied.length
      ? `applied ${applied.length} migration(s): ${applied.join(", ")}`
      : "database is up to date",
  );
});
