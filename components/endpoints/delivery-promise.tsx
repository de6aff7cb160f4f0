// What the provider promises about delivering a callback (lib/providers/delivery-promises.ts):
// how long a team has to fix a wrong secret or a crashed receiver before it is gone.
import type { DeliveryPromise } from "@/lib/providers/delivery-promises";
import { DescriptionList } from "@/components/ui/panel";

export function DeliveryPromiseList({ promise }: { promise: DeliveryPromise }) {
  return (
    <div data-testid="delivery-promise">
      <DescriptionList
        items={[
          { label: "Retries", value: promise.retries },
          {
            label: "Time to fix",
            value: <strong className="font-medium">{promise.window}</strong>,
          },
          { label: "Afterwards", value: promise.fallback },
          { label: "Source", value: <span className="text-zinc-500">{promise.source}</span> },
        ]}
      />
    </div>
  );
}
