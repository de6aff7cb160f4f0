// Filters of the jobs list as a GET form: the URL holds the whole view, so it can be
// bookmarked, shared and used without JavaScript.
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { jobStates } from "@/lib/jobs/constants";
import type { ListJobsQuery } from "@/lib/jobs/schema";
import { providerIds } from "@/lib/providers/schema";

const labelClass = "text-xs text-zinc-600 dark:text-zinc-400";

export function JobsFilters({ query, endpoints }: { query: ListJobsQuery; endpoints: Array<{ id: string; name: string }> }) {
  return (
    <form method="get" action="/jobs" className="flex flex-wrap items-end gap-3" aria-label="Filter jobs">
      <input type="hidden" name="view" value={query.view} />
      <label className={labelClass}>
        State
        <Select name="state" defaultValue={query.state ?? ""} className="mt-1 h-8 w-36 text-xs">
          <option value="">any state</option>
          {jobStates.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </Select>
      </label>
      <label className={labelClass}>
        Endpoint
        <Select name="endpointId" defaultValue={query.endpointId ?? ""} className="mt-1 h-8 w-52 text-xs">
          <option value="">any endpoint</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </Select>
      </label>
      <label className={labelClass}>
        Provider
        <Select name="provider" defaultValue={query.provider ?? ""} className="mt-1 h-8 w-40 text-xs">
          <option value="">any provider</option>
          {providerIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </Select>
      </label>
      {query.view === "failed" && (
        <label className={labelClass}>
          Silent for (minutes)
          <Input type="number" name="staleMinutes" min={1} max={43200} defaultValue={query.staleMinutes} className="mt-1 h-8 w-28 text-xs tabular-nums" />
        </label>
      )}
      <Button type="submit" size="sm" className="h-8">
        Apply
      </Button>
      <ButtonLink href={query.view === "failed" ? "/jobs?view=failed" : "/jobs"} variant="ghost" size="sm" className="h-8">
        Reset
      </ButtonLink>
    </form>
  );
}
