/** How a forward or replay is signed, in words (the destinations' `resign` modes). */
export const RESIGN_WORDS: Record<string, string> = {
  none: "sent as received",
  "standard-webhooks": "re-signed (Standard Webhooks)",
  provider: "re-signed (provider's scheme)",
};
