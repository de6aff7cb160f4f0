-- A channel whose URL the receiver says is gone (a revoked or deleted Slack webhook
-- answers 403 invalid_token / 404 no_service / 410 channel_is_archived; any webhook
-- 410) is turned off with the reason, as destinations are on 410: every later alert
-- would fail the same way, and the panel should say why nothing arrives.
-- AlterTable
ALTER TABLE "alert_channels" ADD COLUMN "disabled_reason" TEXT;
