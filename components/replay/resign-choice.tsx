// The "Re-sign" box of a replay form, or why it is not offered (the re-sign policy's
// refusal, lib/forwarding/resign-policy.ts). Shared by the event's and the job's replay.
type Props = {
  /** Why these events may not be re-signed by this person, or null to offer the box. */
  refusal: string | null;
};

export function ResignChoice({ refusal }: Props) {
  if (refusal === null)
    return (
      <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <input type="checkbox" name="resign" className="size-4 rounded border-zinc-300" />
        Re-sign (the destination&apos;s scheme and secret, or the provider&apos;s own scheme for a
        URL)
      </label>
    );
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="resign-refused">
      Re-signing is not offered: {refusal}. A signature of ours would vouch that the provider sent
      these bytes.
    </p>
  );
}
