// Filters of the jobs list as a GET form: the URL holds the whole view, so it can be
// bookmarked, shared and used without JavaScript.
import { Button, ButtonLink } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { jobStates } from "@/lib/job-states/constants";
import type { ListJobsQuery } from "@/lib/jobs/schema";
import { providerIds } from "@/lib/providers/schema";

const labelClass = "block text-xs text-zinc-600 dark:text-zinc-400";

export function JobsFilters({
  query,
  endpoints,
}: {
  query: ListJobsQuery;
  endpoints: Array<{ id: string; name: string }>;
}) {
  return (
    <form
      method="get"
      action="/jobs"
      className="flex flex-wrap items-end gap-3"
      aria-label="Filter jobs"
    >
      <input type="hidden" name="view" value={query.view} />
      <label className={`${labelClass} w-36`}>
        State
        <Select name="state" defaultValue={query.state ?? ""} className="mt-1 text-xs">
          <option value="">any state</option>
          {jobStates.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </Select>
      </label>
      <label className={`${labelClass} w-52`}>
        Endpoint
        <Select name="endpointId" defaultValue={query.endpointId ?? ""} className="mt-1 text-xs">
          <option value="">any endpoint</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.name}
            </option>
          ))}
        </Select>
      </label>
      <label className={`${labelClass} w-40`}>
        Provider
        <Select name="provider" defaultValue={query.provider ?? ""} className="mt-1 text-xs">
          <option value="">any provider</option>
          {providerIds.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </Select>
      </label>
      {query.view === "failed" && (
        <label className={`${labelClass} w-32`}>
          Silent for (minutes)
          <Input
            type="number"
            name="staleMinutes"
            min={1}
            max={43200}
            defaultValue={query.staleMinutes}
            className="mt-1 text-xs tabular-nums"
          />
        </label>
      )}
      <Button type="submit">Apply</Button>
      <ButtonLink href={query.view === "failed" ? "/jobs?view=failed" : "/jobs"} variant="ghost">
        Reset
      </ButtonLink>
    </form>
  );
}
