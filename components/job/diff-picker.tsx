// Choose the two events to compare. A plain GET form: the choice lives in the URL
// (?from=&to=), works without JavaScript and can be shared.
import { visibleText } from "@/components/json/visible-text";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

type Option = { id: string; type: string | null; state: string | null };

export function DiffPicker({ events, from, to }: { events: Option[]; from: string; to: string }) {
  const label = (event: Option, index: number) =>
    `#${index + 1} ${visibleText(event.type ?? event.id)}${event.state ? ` (${event.state})` : ""}`;
  return (
    <form method="get" action="#diff" className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="diff-from" className="block text-xs text-zinc-600 dark:text-zinc-400">
          From
        </label>
        <Select id="diff-from" name="from" defaultValue={from} className="mt-1 w-64 text-xs">
          {events.map((event, index) => (
            <option key={event.id} value={event.id}>
              {label(event, index)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="diff-to" className="block text-xs text-zinc-600 dark:text-zinc-400">
          To
        </label>
        <Select id="diff-to" name="to" defaultValue={to} className="mt-1 w-64 text-xs">
          {events.map((event, index) => (
            <option key={event.id} value={event.id}>
              {label(event, index)}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit">Compare</Button>
    </form>
  );
}
