/** A failure the CLI explains in one sentence and exits non-zero for (no stack trace). */
export class CliError extends Error {}
