// Badges for the domain's own words, the same on every page.
import { Badge, type Tone } from "@/components/ui/badge";

const VERIFICATION_TONE: Record<string, Tone> = {
  verified: "green",
  failed: "red",
  unsigned: "neutral",
};

export function VerificationBadge({ value }: { value: string }) {
  return (
    <Badge tone={VERIFICATION_TONE[value] ?? "neutral"} dot title={`Signature ${value}`}>
      {value}
    </Badge>
  );
}

const STATE_TONE: Record<string, Tone> = {
  expected: "violet",
  queued: "neutral",
  processing: "blue",
  completed: "green",
  failed: "red",
  cancelled: "amber",
  unknown: "neutral",
};

export function JobStateBadge({ state }: { state: string | null }) {
  if (!state) return <span className="text-zinc-400">—</span>;
  return (
    <Badge tone={STATE_TONE[state] ?? "neutral"} dot>
      {state}
    </Badge>
  );
}
