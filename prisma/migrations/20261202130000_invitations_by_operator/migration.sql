-- The operator token (INBOX_API_TOKEN) is admin and can invite through the API, but it
-- is nobody's account: such an invitation has no inviting user.
-- AlterTable
ALTER TABLE "invitations" ALTER COLUMN "invited_by_id" DROP NOT NULL;
