// Page sizes every list shares, in a module of its own so client components (the live
// Inbox's refetch) can import them without the server-side cursor code.
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
