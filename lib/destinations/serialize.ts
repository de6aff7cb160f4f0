// The API shape of a destination: the signing secret never leaves, only whether one is set.
import type { DestinationResponse } from "./schema";

type DestinationRow = {
  id: string;
  endpointId: string;
  url: string;
  enabled: boolean;
  signingSecret: string | null;
  resign: string;
  forward: string;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export function serializeDestination(row: DestinationRow): DestinationResponse {
  return {
    id: row.id,
    endpointId: row.endpointId,
    url: row.url,
    enabled: row.enabled,
    hasSigningSecret: row.signingSecret !== null,
    resign: row.resign,
    forward: row.forward,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
