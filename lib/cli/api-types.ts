// Generated from the OpenAPI contract (lib/openapi) by scripts/generate-api-types.ts.
// Do not edit: change the route or schema, then run `npx tsx scripts/generate-api-types.ts`.
export interface paths {
  "/api/health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the process answers (touches no database)
     * @description Public: no credential.
     */
    get: operations["getHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/ready": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: the database is reachable
     * @description Public: no credential.
     */
    get: operations["getReady"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This contract (OpenAPI 3.1)
     * @description Public: no credential.
     */
    get: operations["getOpenapiJson"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/metrics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics of every process (text exposition format)
     * @description For the metrics token (INBOX_METRICS_TOKEN) or the operator token only; no person's session or token. Names and labels: README "Metrics".
     *
     *     The metrics token or the operator token.
     */
    get: operations["getMetrics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Active endpoints (or archived ones), newest first
     * @description Role: viewer or above.
     */
    get: operations["getEndpoints"];
    put?: never;
    /**
     * Create an endpoint with a provider preset
     * @description Answers with its ingest URL, the address to give the provider.
     *
     *     Role: admin or above.
     */
    post: operations["postEndpoints"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One endpoint (secrets never included)
     * @description Role: viewer or above.
     */
    get: operations["getEndpointsId"];
    put?: never;
    post?: never;
    /**
     * Archive: stored data stays, the ingest URL answers 410
     * @description Role: admin or above.
     */
    delete: operations["deleteEndpointsId"];
    options?: never;
    head?: never;
    /**
     * Change name, verification, secrets (replaced as a set), extraction, limits, retention
     * @description Role: admin or above.
     */
    patch: operations["patchEndpointsId"];
    trace?: never;
  };
  "/api/endpoints/{id}/usage": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What the endpoint stores, its retention window and what the next run removes
     * @description Role: viewer or above.
     */
    get: operations["getEndpointsIdUsage"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/deliveries/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-Sent Events: the endpoint's deliveries in a resumable order
     * @description A `ready` message, then one `delivery` message per delivery (data: method, path, query, headers with credentials masked, body base64). Last-Event-ID or ?after= resumes without a gap or a repeat; ?since= starts with older ones. Ends once the caller's token or session is revoked. `webhook-inbox forward` reads it.
     *
     *     Role: viewer or above.
     */
    get: operations["getEndpointsIdDeliveriesStream"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/destinations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where this endpoint's events are forwarded (oldest first)
     * @description Role: viewer or above.
     */
    get: operations["getEndpointsIdDestinations"];
    put?: never;
    /**
     * Add a forwarding destination
     * @description Role: admin or above.
     */
    post: operations["postEndpointsIdDestinations"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/destinations/{destinationId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a destination; its attempts stay (destinationId null)
     * @description Role: admin or above.
     */
    delete: operations["deleteEndpointsIdDestinationsDestinationId"];
    options?: never;
    head?: never;
    /**
     * Change any field; signingSecret: null removes it
     * @description Role: admin or above.
     */
    patch: operations["patchEndpointsIdDestinationsDestinationId"];
    trace?: never;
  };
  "/api/endpoints/{id}/alert-channels": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where this endpoint's alerts go (oldest first); URLs masked
     * @description Role: viewer or above.
     */
    get: operations["getEndpointsIdAlertChannels"];
    put?: never;
    /**
     * Add an alert channel (Slack or a webhook)
     * @description Role: admin or above.
     */
    post: operations["postEndpointsIdAlertChannels"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/alert-channels/{channelId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a channel; its alerts stay listed (channel null)
     * @description Role: admin or above.
     */
    delete: operations["deleteEndpointsIdAlertChannelsChannelId"];
    options?: never;
    head?: never;
    /**
     * Change url, enabled, triggers or the burst settings
     * @description Role: admin or above.
     */
    patch: operations["patchEndpointsIdAlertChannelsChannelId"];
    trace?: never;
  };
  "/api/endpoints/{id}/alert-channels/{channelId}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a test message now
     * @description 200 with the alert and how sending went, also when the channel refused it.
     *
     *     Role: admin or above.
     */
    post: operations["postEndpointsIdAlertChannelsChannelIdTest"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/alerts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Alerts newest first, with how sending went
     * @description Role: viewer or above.
     */
    get: operations["getAlerts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/polling": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Status API settings (never the credential) and what the preset's docs give
     * @description Role: viewer or above.
     */
    get: operations["getEndpointsIdPolling"];
    /**
     * Set where the provider's job-status API is and how to authenticate there
     * @description Role: admin or above.
     */
    put: operations["putEndpointsIdPolling"];
    post?: never;
    /**
     * Polling and missed-callback detection off; recorded polls stay
     * @description Role: admin or above.
     */
    delete: operations["deleteEndpointsIdPolling"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs/{id}/poll": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask the provider's status API about the job now
     * @description 200 with the poll, also when the provider refused.
     *
     *     Role: member or above.
     */
    post: operations["postJobsIdPoll"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs/{id}/polls": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The job's polls, newest first
     * @description Role: viewer or above.
     */
    get: operations["getJobsIdPolls"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Events newest first by first receipt; the Inbox page uses the same filters
     * @description Role: viewer or above.
     */
    get: operations["getEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/events/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every matching event as NDJSON, streamed (a download)
     * @description One event with its deliveries per line, bodies base64, credential header values masked; newest first.
     *
     *     Role: viewer or above.
     */
    get: operations["getEventsExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/events/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-Sent Events: which events were just stored
     * @description `events` messages ({ events: [{ endpointId, eventId }] }), `reset` when some may have been missed, heartbeat comments; ends once the caller's token or session is revoked.
     *
     *     Role: viewer or above.
     */
    get: operations["getEventsStream"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/events/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The event, its payload and a page of its deliveries (oldest first)
     * @description Role: viewer or above.
     */
    get: operations["getEventsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/events/{id}/attempts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every forward and replay of the event, newest first
     * @description Role: viewer or above.
     */
    get: operations["getEventsIdAttempts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/events/{id}/replay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send the event again, to a URL or a destination
     * @description 200 with the attempt whatever the target answered (status succeeded, failed or blocked). 409 not_verified when re-signing a delivery that failed verification; 403 when a non-admin re-signs an unsigned one.
     *
     *     Role: member or above.
     */
    post: operations["postEventsIdReplay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/deliveries/{id}/raw": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The body bytes exactly as received (a download)
     * @description Role: viewer or above.
     */
    get: operations["getDeliveriesIdRaw"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/deliveries/{id}/headers/reveal": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The plain value(s) of one credential header (audited)
     * @description Role: admin or above.
     */
    post: operations["postDeliveriesIdHeadersReveal"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Jobs newest first
     * @description Role: viewer or above.
     */
    get: operations["getJobs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The job with its events in provider order
     * @description Role: viewer or above.
     */
    get: operations["getJobsId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs/{id}/attempts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every forward and replay of the job's events, newest first
     * @description Role: viewer or above.
     */
    get: operations["getJobsIdAttempts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs/{id}/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The job's whole story as a fixture file (a download)
     * @description Deliveries in provider order, credential values masked; `webhook-inbox replay-fixture` sends it to a local receiver.
     *
     *     Role: viewer or above.
     */
    get: operations["getJobsIdExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register a job the provider was just given (state expected)
     * @description 201 with it, or 200 with the job that already has this externalId.
     *
     *     Role: member or above.
     */
    post: operations["postEndpointsIdJobs"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/endpoints/{id}/jobs/batch": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register up to 1,000 jobs in one statement
     * @description Role: member or above.
     */
    post: operations["postEndpointsIdJobsBatch"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/jobs/{id}/replay": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay the job's events in provider order, spaced as the provider spaced them
     * @description 202; progress at GET /api/replays/{id}. 409 not_verified when an event failed verification and re-signing was asked; 403 for a non-admin when one is unsigned.
     *
     *     Role: member or above.
     */
    post: operations["postJobsIdReplay"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/replays": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay everything a filter of GET /api/events matches
     * @description 202; a repeat of the Idempotency-Key answers the same batch (Idempotent-Replayed: true).
     *
     *     Role: member or above.
     */
    post: operations["postReplays"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/replays/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A bulk or job replay's progress
     * @description Role: viewer or above.
     */
    get: operations["getReplaysId"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/team/members": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everyone with an account (with their live tokens) and the pending invitations
     * @description Role: admin or above.
     */
    get: operations["getTeamMembers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/team/members/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove an account with its sessions and tokens
     * @description Role: admin or above.
     */
    delete: operations["deleteTeamMembersId"];
    options?: never;
    head?: never;
    /**
     * Change someone's role (not your own, never the last admin's)
     * @description Role: admin or above.
     */
    patch: operations["patchTeamMembersId"];
    trace?: never;
  };
  "/api/team/members/{id}/tokens/{tokenId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a member's personal token at once
     * @description Role: admin or above.
     */
    delete: operations["deleteTeamMembersIdTokensTokenId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/team/invitations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite someone; the answer's url is the one-time link, shown only here
     * @description Role: admin or above.
     */
    post: operations["postTeamInvitations"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/team/invitations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a pending invitation
     * @description Role: admin or above.
     */
    delete: operations["deleteTeamInvitationsId"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who did what, newest first
     * @description Role: admin or above.
     */
    get: operations["getAudit"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/retention/run": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Delete what is past each endpoint's window now (the queue does it hourly)
     * @description Role: admin or above.
     */
    post: operations["postRetentionRun"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    CreateEndpoint: {
      name: string;
      /** @enum {string} */
      provider:
        | "aspect"
        | "scriptix"
        | "json2video"
        | "descript"
        | "clipzy"
        | "standard-webhooks"
        | "generic";
      secrets?: string[];
      verification?:
        | {
            /** @constant */
            scheme: "standard-webhooks";
            /** @default 300 */
            toleranceSeconds: number;
          }
        | {
            /** @constant */
            scheme: "hmac";
            header: string;
            /**
             * @default sha256
             * @enum {string}
             */
            algorithm: "sha256" | "sha1" | "sha512";
            /**
             * @default hex
             * @enum {string}
             */
            encoding: "hex" | "base64";
            /** @default  */
            prefix: string;
          }
        | {
            /** @constant */
            scheme: "token";
            header?: string;
          }
        | {
            /** @constant */
            scheme: "none";
          };
      extraction?: {
        jobIdPath?: string;
        eventTypePath?: string;
        statePath?: string;
        stateMap?: {
          [key: string]: "queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown";
        };
        outputUrlPath?: string;
        errorPath?: string;
        timestampPath?: string;
        dedupeHeader?: string;
      };
      bodyLimitBytes?: number;
      rateLimitPerSecond?: number | null;
      overdueAfterMinutes?: number | null;
      retentionDays?: "default" | (number | null);
    };
    UpdateEndpoint: {
      name?: string;
      secrets?: string[];
      verification?:
        | {
            /** @constant */
            scheme: "standard-webhooks";
            /** @default 300 */
            toleranceSeconds: number;
          }
        | {
            /** @constant */
            scheme: "hmac";
            header: string;
            /**
             * @default sha256
             * @enum {string}
             */
            algorithm: "sha256" | "sha1" | "sha512";
            /**
             * @default hex
             * @enum {string}
             */
            encoding: "hex" | "base64";
            /** @default  */
            prefix: string;
          }
        | {
            /** @constant */
            scheme: "token";
            header?: string;
          }
        | {
            /** @constant */
            scheme: "none";
          };
      extraction?: {
        jobIdPath?: string;
        eventTypePath?: string;
        statePath?: string;
        stateMap?: {
          [key: string]: "queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown";
        };
        outputUrlPath?: string;
        errorPath?: string;
        timestampPath?: string;
        dedupeHeader?: string;
      } | null;
      bodyLimitBytes?: number;
      rateLimitPerSecond?: number | null;
      overdueAfterMinutes?: number | null;
      retentionDays?: "default" | (number | null);
    };
    CreateDestination: {
      url: string;
      /** @default true */
      enabled: boolean;
      signingSecret?: string | null;
      /**
       * @default none
       * @enum {string}
       */
      resign: "none" | "standard-webhooks" | "provider";
      /**
       * @default accepted
       * @enum {string}
       */
      forward: "verified" | "accepted" | "all";
    };
    UpdateDestination: {
      url?: string;
      enabled?: boolean;
      signingSecret?: string | null;
      /** @enum {string} */
      resign?: "none" | "standard-webhooks" | "provider";
      /** @enum {string} */
      forward?: "verified" | "accepted" | "all";
    };
    CreateAlertChannel: {
      /** @enum {string} */
      kind: "slack" | "webhook";
      url: string;
      /** @default true */
      enabled: boolean;
      triggers?: (
        "job.failed" | "job.missed_callback" | "job.overdue" | "endpoint.verification_failures"
      )[];
      /** @default 10 */
      burstThreshold: number;
      /** @default 5 */
      burstMinutes: number;
    };
    UpdateAlertChannel: {
      url?: string;
      enabled?: boolean;
      triggers?: (
        "job.failed" | "job.missed_callback" | "job.overdue" | "endpoint.verification_failures"
      )[];
      burstThreshold?: number;
      burstMinutes?: number;
    };
    PutPolling: {
      baseUrl: string;
      pathTemplate: string;
      credentialHeader?: string | null;
      /** @default  */
      credentialPrefix: string;
      credential?: string | null;
      /** @default null */
      expectTerminalMinutes: number | null;
    };
    RegisterJob: {
      externalId: string;
      expectTerminalMinutes?: number;
      label?: string;
      metadata?: {
        [key: string]: unknown;
      };
    };
    RegisterJobs: {
      jobs: components["schemas"]["RegisterJob"][];
    };
    ReplayEvent: {
      url?: string;
      destinationId?: string;
      deliveryId?: string;
      resign?: boolean | ("none" | "standard-webhooks" | "provider");
    };
    BulkReplay: {
      filter?: {
        endpointId?: string;
        jobId?: string;
        /** @enum {string} */
        provider?:
          | "aspect"
          | "scriptix"
          | "json2video"
          | "descript"
          | "clipzy"
          | "standard-webhooks"
          | "generic";
        /** @enum {string} */
        verification?: "verified" | "failed" | "unsigned";
        /** @enum {string} */
        jobState?:
          "expected" | "queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown";
        type?: string;
        /** Format: date-time */
        from?: string;
        /** Format: date-time */
        to?: string;
        q?: string;
      };
      url?: string;
      destinationId?: string;
      resign?: boolean | ("none" | "standard-webhooks" | "provider");
    };
    JobReplay: {
      url?: string;
      destinationId?: string;
      /**
       * @default original
       * @enum {string}
       */
      timing: "original" | "none";
      /** @default 1 */
      speed: number;
      resign?: boolean | ("none" | "standard-webhooks" | "provider");
    };
    RevealCredentialHeader: {
      name: string;
    };
    Invite: {
      /** Format: email */
      email: string;
      /** @enum {string} */
      role: "viewer" | "member" | "admin";
    };
    PatchMember: {
      /** @enum {string} */
      role: "viewer" | "member" | "admin";
    };
    /** Format: date-time */
    Timestamp: string;
    Endpoint: {
      id: string;
      key: string;
      ingestUrl: string;
      name: string;
      provider: string;
      /** @description any JSON value */
      verification: unknown;
      /** @description any JSON value */
      extraction: unknown;
      secretCount: number;
      bodyLimitBytes: number;
      rateLimitPerSecond: number | null;
      overdueAfterMinutes: number | null;
      retentionDays: ("default" | number) | null;
      createdAt: components["schemas"]["Timestamp"];
      updatedAt: components["schemas"]["Timestamp"];
      archivedAt: components["schemas"]["Timestamp"] | null;
    };
    EndpointPage: {
      items: components["schemas"]["Endpoint"][];
      nextCursor: string | null;
    };
    Usage: {
      endpointId: string;
      deliveries: number;
      events: number;
      jobs: number;
      bytes: number;
      oldestDeliveryAt: components["schemas"]["Timestamp"] | null;
      retention: {
        setting: ("default" | number) | null;
        days: number | null;
        failedDays: number | null;
      };
      nextRun: {
        deliveries: number;
        failedDeliveries: number;
        cutoff: components["schemas"]["Timestamp"] | null;
      };
      countedAt: components["schemas"]["Timestamp"] | null;
    };
    Destination: {
      id: string;
      endpointId: string;
      url: string;
      enabled: boolean;
      hasSigningSecret: boolean;
      /** @description none | standard-webhooks | provider */
      resign: string;
      /** @description verified | accepted | all */
      forward: string;
      disabledReason: string | null;
      createdAt: components["schemas"]["Timestamp"];
      updatedAt: components["schemas"]["Timestamp"];
    };
    DestinationList: {
      items: components["schemas"]["Destination"][];
    };
    AlertChannel: {
      id: string;
      endpointId: string;
      /** @description slack | webhook */
      kind: string;
      urlHint: string;
      enabled: boolean;
      disabledReason: string | null;
      /** @description job.failed | job.missed_callback | job.overdue | endpoint.verification_failures */
      triggers: string[];
      burstThreshold: number;
      burstMinutes: number;
      createdAt: components["schemas"]["Timestamp"];
      updatedAt: components["schemas"]["Timestamp"];
    };
    AlertChannelList: {
      items: components["schemas"]["AlertChannel"][];
    };
    Alert: {
      id: string;
      endpointId: string;
      channel: {
        id: string;
        /** @description slack | webhook */
        kind: string;
        urlHint: string;
      } | null;
      /** @description job.failed | job.missed_callback | job.overdue | endpoint.verification_failures | test */
      type: string;
      jobId: string | null;
      eventId: string | null;
      path: string;
      /** @description any JSON value */
      details: unknown;
      /** @description pending | sent | failed | blocked | skipped */
      status: string;
      attempts: number;
      responseStatus: number | null;
      error: string | null;
      nextRetryAt: components["schemas"]["Timestamp"] | null;
      lastAttemptAt: components["schemas"]["Timestamp"] | null;
      sentAt: components["schemas"]["Timestamp"] | null;
      createdAt: components["schemas"]["Timestamp"];
    };
    AlertPage: {
      items: components["schemas"]["Alert"][];
      nextCursor: string | null;
    };
    PollingSettings: {
      enabled: boolean;
      baseUrl: string | null;
      pathTemplate: string | null;
      credentialHeader: string | null;
      credentialPrefix: string;
      hasCredential: boolean;
      expectTerminalMinutes: number | null;
      preset: {
        baseUrl: string | null;
        pathTemplate: string | null;
        credentialHeader: string | null;
        credentialPrefix: string;
        notes: string;
      };
    };
    Poll: {
      id: string;
      jobId: string;
      endpointId: string;
      trigger: string;
      url: string;
      /** @description any JSON value */
      requestHeaders: unknown;
      outcome: string;
      responseStatus: number | null;
      responseHeaders: [string, string][] | null;
      responseBody: string | null;
      responseBodyEncoding: ("utf8" | "base64") | null;
      responseTruncated: boolean;
      durationMs: number | null;
      error: string | null;
      /** @description any JSON value */
      payload: unknown;
      state: string | null;
      providerTimestamp: components["schemas"]["Timestamp"] | null;
      outputUrl: string | null;
      synthesizedEventId: string | null;
      createdAt: components["schemas"]["Timestamp"];
    };
    PollPage: {
      items: components["schemas"]["Poll"][];
      nextCursor: string | null;
    };
    PollNow: {
      poll: components["schemas"]["Poll"];
      missedCallback: boolean;
    };
    EventSummary: {
      id: string;
      endpointId: string;
      jobId: string | null;
      externalJobId: string | null;
      type: string | null;
      state: string | null;
      /** @description verified | failed | unsigned */
      verification: string;
      deliveryCount: number;
      firstReceivedAt: components["schemas"]["Timestamp"];
      lastReceivedAt: components["schemas"]["Timestamp"];
      providerTimestamp: components["schemas"]["Timestamp"] | null;
    };
    ListedEvent: {
      id: string;
      endpointId: string;
      jobId: string | null;
      externalJobId: string | null;
      type: string | null;
      state: string | null;
      /** @description verified | failed | unsigned */
      verification: string;
      deliveryCount: number;
      firstReceivedAt: components["schemas"]["Timestamp"];
      lastReceivedAt: components["schemas"]["Timestamp"];
      providerTimestamp: components["schemas"]["Timestamp"] | null;
      endpointName: string;
      provider: string;
      jobState: string | null;
    };
    EventPage: {
      items: components["schemas"]["ListedEvent"][];
      nextCursor: string | null;
    };
    EventDetail: {
      id: string;
      endpointId: string;
      jobId: string | null;
      externalJobId: string | null;
      type: string | null;
      state: string | null;
      /** @description verified | failed | unsigned */
      verification: string;
      deliveryCount: number;
      firstReceivedAt: components["schemas"]["Timestamp"];
      lastReceivedAt: components["schemas"]["Timestamp"];
      providerTimestamp: components["schemas"]["Timestamp"] | null;
      /** @description any JSON value */
      payload: unknown;
      payloadDeliveryId: string;
      deliveries: {
        id: string;
        receivedAt: components["schemas"]["Timestamp"];
        method: string;
        path: string;
        query: string;
        headers: [string, string][];
        maskedHeaders: string[];
        maskedQueryParams: string[];
        size: number;
        bodySha256: string;
        sourceIp: string | null;
        verification: string;
        verificationReason: string | null;
        responseStatus: number;
      }[];
      deliveriesNextCursor: string | null;
    };
    Attempt: {
      id: string;
      eventId: string;
      deliveryId: string;
      destinationId: string | null;
      batchId: string | null;
      url: string;
      method: string;
      requestHeaders: [string, string][] | null;
      bodySha256: string;
      status: string;
      responseStatus: number | null;
      responseHeaders: [string, string][] | null;
      responseBody: string | null;
      responseBodyEncoding: ("utf8" | "base64") | null;
      responseTruncated: boolean;
      durationMs: number | null;
      error: string | null;
      attemptNumber: number;
      trigger: string;
      nextRetryAt: components["schemas"]["Timestamp"] | null;
      createdAt: components["schemas"]["Timestamp"];
    };
    AttemptPage: {
      items: components["schemas"]["Attempt"][];
      nextCursor: string | null;
    };
    Job: {
      id: string;
      endpointId: string;
      provider: string;
      externalId: string;
      /** @description expected | queued | processing | completed | failed | cancelled | unknown */
      state: string;
      stateAt: components["schemas"]["Timestamp"] | null;
      outputUrl: string | null;
      error: string | null;
      /** @description any JSON value */
      details: unknown;
      eventCount: number;
      firstSeenAt: components["schemas"]["Timestamp"];
      lastEventAt: components["schemas"]["Timestamp"];
      missedCallbackAt: components["schemas"]["Timestamp"] | null;
      lastPolledAt: components["schemas"]["Timestamp"] | null;
      nextPollAt: components["schemas"]["Timestamp"] | null;
      overdueAt: components["schemas"]["Timestamp"] | null;
      expectTerminalMinutes: number | null;
      label: string | null;
      /** @description any JSON value */
      metadata: unknown;
      registration: {
        at: components["schemas"]["Timestamp"];
        by: string | null;
        via: string | null;
      } | null;
    };
    JobPage: {
      items: components["schemas"]["Job"][];
      nextCursor: string | null;
    };
    JobDetail: {
      id: string;
      endpointId: string;
      provider: string;
      externalId: string;
      /** @description expected | queued | processing | completed | failed | cancelled | unknown */
      state: string;
      stateAt: components["schemas"]["Timestamp"] | null;
      outputUrl: string | null;
      error: string | null;
      /** @description any JSON value */
      details: unknown;
      eventCount: number;
      firstSeenAt: components["schemas"]["Timestamp"];
      lastEventAt: components["schemas"]["Timestamp"];
      missedCallbackAt: components["schemas"]["Timestamp"] | null;
      lastPolledAt: components["schemas"]["Timestamp"] | null;
      nextPollAt: components["schemas"]["Timestamp"] | null;
      overdueAt: components["schemas"]["Timestamp"] | null;
      expectTerminalMinutes: number | null;
      label: string | null;
      /** @description any JSON value */
      metadata: unknown;
      registration: {
        at: components["schemas"]["Timestamp"];
        by: string | null;
        via: string | null;
      } | null;
      events: components["schemas"]["EventSummary"][];
    };
    RegisteredJobs: {
      jobs: {
        id: string;
        endpointId: string;
        provider: string;
        externalId: string;
        /** @description expected | queued | processing | completed | failed | cancelled | unknown */
        state: string;
        stateAt: components["schemas"]["Timestamp"] | null;
        outputUrl: string | null;
        error: string | null;
        /** @description any JSON value */
        details: unknown;
        eventCount: number;
        firstSeenAt: components["schemas"]["Timestamp"];
        lastEventAt: components["schemas"]["Timestamp"];
        missedCallbackAt: components["schemas"]["Timestamp"] | null;
        lastPolledAt: components["schemas"]["Timestamp"] | null;
        nextPollAt: components["schemas"]["Timestamp"] | null;
        overdueAt: components["schemas"]["Timestamp"] | null;
        expectTerminalMinutes: number | null;
        label: string | null;
        /** @description any JSON value */
        metadata: unknown;
        registration: {
          at: components["schemas"]["Timestamp"];
          by: string | null;
          via: string | null;
        } | null;
        created: boolean;
      }[];
      created: number;
      existing: number;
    };
    JobFixture: {
      /** @constant */
      version: 1;
      /** Format: date-time */
      exportedAt: string;
      job: {
        id: string;
        provider: string;
        externalId: string;
        state: string;
      } & {
        [key: string]: unknown;
      };
      deliveries: {
        id: string;
        eventId: string;
        /** Format: date-time */
        receivedAt: string;
        providerTime: string | null;
        method: string;
        path: string;
        query: string;
        headers: [string, string][];
        maskedHeaders: string[];
        /** @default [] */
        maskedQueryParams: string[];
        /** @enum {string} */
        verification: "verified" | "failed" | "unsigned";
        bodyBase64: string;
      }[];
    };
    StartedReplay: {
      id: string;
      total: number;
    };
    ReplayBatch: {
      id: string;
      total: number;
      succeeded: number;
      failed: number;
      blocked: number;
      pending: number;
      /** @description any JSON value */
      request: unknown;
      /** @description any JSON value */
      jobReplay: unknown;
      createdBy: string;
      createdAt: components["schemas"]["Timestamp"];
    };
    RetentionRun: {
      removed: {
        deliveries: number;
        events: number;
        jobs: number;
        attempts: number;
        polls: number;
        alerts: number;
      };
      endpoints: number;
      startedAt: components["schemas"]["Timestamp"];
      durationMs: number;
      batches: number;
    };
    RevealedCredentialHeader: {
      deliveryId: string;
      name: string;
      values: string[];
    };
    AuditEntry: {
      id: string;
      at: components["schemas"]["Timestamp"];
      actor: {
        id: string | null;
        label: string;
      };
      /** @description one of the audit actions (the action filter) */
      action: string;
      target: {
        type: string;
        id: string;
      } | null;
      /** @description any JSON value */
      details: unknown;
      sourceIp: string | null;
    };
    AuditPage: {
      items: components["schemas"]["AuditEntry"][];
      nextCursor: string | null;
    };
    Member: {
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: "viewer" | "member" | "admin";
      createdAt: components["schemas"]["Timestamp"];
      tokens: {
        id: string;
        name: string;
        tokenPrefix: string;
        createdAt: components["schemas"]["Timestamp"];
        lastUsedAt: components["schemas"]["Timestamp"] | null;
      }[];
    };
    Team: {
      items: components["schemas"]["Member"][];
      invitations: {
        id: string;
        email: string;
        /** @enum {string} */
        role: "viewer" | "member" | "admin";
        invitedBy: string;
        createdAt: components["schemas"]["Timestamp"];
        expiresAt: components["schemas"]["Timestamp"];
      }[];
    };
    CreatedInvitation: {
      id: string;
      url: string;
      expiresAt: components["schemas"]["Timestamp"];
    };
    Health: {
      /** @constant */
      status: "ok";
    };
    Ready: {
      /** @constant */
      status: "ready";
    };
    Error400: {
      error: {
        /** @enum {string} */
        code: "validation_failed" | "invalid_json" | "invalid_cursor" | "body_incomplete";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error401: {
      error: {
        /** @enum {string} */
        code: "unauthorized" | "verification_failed";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error403: {
      error: {
        /** @enum {string} */
        code: "forbidden";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error404: {
      error: {
        /** @enum {string} */
        code: "not_found";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error405: {
      error: {
        /** @enum {string} */
        code: "method_not_allowed";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error408: {
      error: {
        /** @enum {string} */
        code: "request_timeout";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error409: {
      error: {
        /** @enum {string} */
        code: "conflict" | "not_verified";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error410: {
      error: {
        /** @enum {string} */
        code: "endpoint_archived";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error413: {
      error: {
        /** @enum {string} */
        code: "payload_too_large";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error429: {
      error: {
        /** @enum {string} */
        code: "rate_limited";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error500: {
      error: {
        /** @enum {string} */
        code: "internal_error";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
    Error503: {
      error: {
        /** @enum {string} */
        code: "database_unavailable" | "server_busy" | "starting";
        message: string;
        details?: {
          [key: string]: unknown;
        };
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Health"];
        };
      };
    };
  };
  getReady: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Ready"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getOpenapiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/plain": unknown;
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpoints: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        archived?: "true" | "false";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EndpointPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEndpoints: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateEndpoint"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpointsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteEndpointsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  patchEndpointsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateEndpoint"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Endpoint"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpointsIdUsage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Usage"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpointsIdDeliveriesStream: {
    parameters: {
      query?: {
        after?: string;
        since?: string;
      };
      header?: {
        /** @description A message id the stream sent: resume after it. */
        "Last-Event-ID"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An endless event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": unknown;
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpointsIdDestinations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DestinationList"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEndpointsIdDestinations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateDestination"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Destination"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteEndpointsIdDestinationsDestinationId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        destinationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  patchEndpointsIdDestinationsDestinationId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        destinationId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateDestination"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Destination"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpointsIdAlertChannels: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertChannelList"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEndpointsIdAlertChannels: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateAlertChannel"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertChannel"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteEndpointsIdAlertChannelsChannelId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  patchEndpointsIdAlertChannelsChannelId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        channelId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateAlertChannel"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertChannel"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEndpointsIdAlertChannelsChannelIdTest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        channelId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Alert"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getAlerts: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        endpointId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AlertPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEndpointsIdPolling: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PollingSettings"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  putEndpointsIdPolling: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PutPolling"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PollingSettings"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteEndpointsIdPolling: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postJobsIdPoll: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PollNow"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: rate_limited */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error429"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getJobsIdPolls: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PollPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEvents: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        endpointId?: string;
        jobId?: string;
        provider?:
          | "aspect"
          | "scriptix"
          | "json2video"
          | "descript"
          | "clipzy"
          | "standard-webhooks"
          | "generic";
        verification?: "verified" | "failed" | "unsigned";
        jobState?:
          "expected" | "queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown";
        type?: string;
        from?: string;
        to?: string;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEventsExport: {
    parameters: {
      query?: {
        endpointId?: string;
        jobId?: string;
        provider?:
          | "aspect"
          | "scriptix"
          | "json2video"
          | "descript"
          | "clipzy"
          | "standard-webhooks"
          | "generic";
        verification?: "verified" | "failed" | "unsigned";
        jobState?:
          "expected" | "queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown";
        type?: string;
        from?: string;
        to?: string;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description NDJSON lines */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/x-ndjson": unknown;
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEventsStream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An endless event stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": unknown;
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEventsId: {
    parameters: {
      query?: {
        deliveriesLimit?: number;
        deliveriesCursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EventDetail"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getEventsIdAttempts: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AttemptPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEventsIdReplay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 200 printable characters: a repeat of the key answers the first result; the same key for another request is 409. */
        "Idempotency-Key"?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReplayEvent"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Attempt"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getDeliveriesIdRaw: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The raw body */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/octet-stream": unknown;
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postDeliveriesIdHeadersReveal: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RevealCredentialHeader"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RevealedCredentialHeader"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getJobs: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        endpointId?: string;
        state?:
          "expected" | "queued" | "processing" | "completed" | "failed" | "cancelled" | "unknown";
        provider?:
          | "aspect"
          | "scriptix"
          | "json2video"
          | "descript"
          | "clipzy"
          | "standard-webhooks"
          | "generic";
        view?: "all" | "failed";
        staleMinutes?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["JobPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getJobsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["JobDetail"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getJobsIdAttempts: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AttemptPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getJobsIdExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The fixture */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["JobFixture"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEndpointsIdJobs: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RegisterJob"];
      };
    };
    responses: {
      /** @description Known already */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Job"];
        };
      };
      /** @description Registered */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Job"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postEndpointsIdJobsBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RegisterJobs"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RegisteredJobs"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postJobsIdReplay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["JobReplay"];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StartedReplay"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postReplays: {
    parameters: {
      query?: never;
      header?: {
        /** @description Up to 200 printable characters: a repeat of the key answers the first result; the same key for another request is 409. */
        "Idempotency-Key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BulkReplay"];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StartedReplay"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getReplaysId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReplayBatch"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getTeamMembers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Team"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteTeamMembersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  patchTeamMembersId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PatchMember"];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Member"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteTeamMembersIdTokensTokenId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        tokenId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postTeamInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Invite"];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatedInvitation"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  deleteTeamInvitationsId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done; no body */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: not_found */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error404"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  getAudit: {
    parameters: {
      query?: {
        limit?: number;
        cursor?: string;
        action?:
          | "endpoint.created"
          | "endpoint.updated"
          | "endpoint.archived"
          | "endpoint.secret_added"
          | "endpoint.secret_removed"
          | "destination.created"
          | "destination.updated"
          | "destination.deleted"
          | "polling.updated"
          | "polling.deleted"
          | "alert_channel.created"
          | "alert_channel.updated"
          | "alert_channel.deleted"
          | "team.invited"
          | "team.invitation_revoked"
          | "team.role_changed"
          | "team.member_removed"
          | "token.revoked"
          | "credential.revealed"
          | "replay.bulk_started"
          | "replay.job_started"
          | "job.registered"
          | "retention.run"
          | "sign_in.failed"
          | "setup.completed";
        actorId?: string;
        targetId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditPage"];
        };
      };
      /** @description Error: validation_failed, invalid_json, invalid_cursor, body_incomplete */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error400"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
  postRetentionRun: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RetentionRun"];
        };
      };
      /** @description Error: unauthorized, verification_failed */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error401"];
        };
      };
      /** @description Error: forbidden */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error403"];
        };
      };
      /** @description Error: conflict, not_verified */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error409"];
        };
      };
      /** @description Error: internal_error */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error500"];
        };
      };
      /** @description Error: database_unavailable, server_busy, starting */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Error503"];
        };
      };
    };
  };
}
