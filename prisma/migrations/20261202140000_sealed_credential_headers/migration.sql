-- Credential header values of deliveries (Authorization, Cookie, X-Api-Key, ...) are
-- stored sealed with INBOX_SECRET_KEY. SQL cannot seal with that key, so this marks
-- every existing row 'plain' and the app's start-up step (lib/deliveries/mutations.ts)
-- seals them in batches. credential_key then names the key that sealed a row's values
-- (NULL: the row has none), so a start with a new key finds the rows to reseal.
-- ADD COLUMN with a constant default only records the default (no table rewrite);
-- dropping it right after leaves old rows 'plain' and new ones NULL.
ALTER TABLE "deliveries" ADD COLUMN "credential_key" TEXT DEFAULT 'plain';
ALTER TABLE "deliveries" ALTER COLUMN "credential_key" DROP DEFAULT;

-- Only rows with sealed (or still plain) credentials: the start-up step's lookup.
CREATE INDEX "deliveries_credential_key_idx" ON "deliveries" ("credential_key") WHERE "credential_key" IS NOT NULL;
