-- The one-time set-up code of a fresh instance: one row (id 1) while nobody has an
-- account, holding the SHA-256 of the code, so every app process on the database
-- accepts the same code whichever one made it. Deleted when the first admin exists.
-- CreateTable
CREATE TABLE "setup_codes" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "code_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setup_codes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "setup_codes_one_row" CHECK ("id" = 1)
);

-- Failed sign-ins per window, shared by every app process: one row per email and
-- client address, one per email (a looser limit). The key is a hash of either.
-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sign_in_throttle_window_started_at_idx" ON "sign_in_throttle"("window_started_at");
