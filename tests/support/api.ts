// Small HTTP helpers for integration tests against the shared app server.
import type pg from "pg";
import { inject } from "vitest";
import { TEST_API_TOKEN } from "./app-server";
import { checkAgainstContract } from "./contract";
import { queryDatabase } from "./fresh-database";

export const baseUrl = (): string => inject("baseUrl");

export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${inject("apiToken")}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
}

/** JSON calls to the shared app server (apiClient's, with the token global set-up gave it). */
export async function apiJson<T = Record<string, unknown>>(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  return apiClient(baseUrl, inject("apiToken"))<T>(path, init);
}

/**
 * JSON calls to an app server the test started itself (the shared one has api/apiJson),
 * with the operator token. `base` is read at every call: the test may restart its server.
 * Every answer is checked against the OpenAPI contract (tests/support/contract.ts): one
 * that breaks it fails the test.
 */
export function apiClient(base: () => string, token: string = TEST_API_TOKEN) {
  return async function call<T>(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: T; text: string; headers: Headers }> {
    const response = await fetch(`${base()}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });
    const text = await response.text();
    checkAgainstContract(
      { method: init.method ?? "GET", url: response.url },
      { status: response.status, contentType: response.headers.get("content-type"), text },
    );
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as T,
      text,
      headers: response.headers,
    };
  };
}

export type CreatedEndpoint = {
  id: string;
  key: string;
  ingestUrl: string;
  name: string;
  provider: string;
};

export async function createEndpoint(body: Record<string, unknown>): Promise<CreatedEndpoint> {
  const { status, body: created } = await apiJson<CreatedEndpoint>("/api/endpoints", {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (status !== 201)
    throw new Error(`endpoint not created (${status}): ${JSON.stringify(created)}`);
  return created;
}

/** POST (by default) raw bytes to an endpoint's ingest URL, as a provider would. */
export async function sendCallback(
  endpoint: { key: string },
  body: string | Uint8Array,
  options: { headers?: Record<string, string>; method?: string; subPath?: string } = {},
): Promise<Response> {
  return fetch(`${baseUrl()}/in/${endpoint.key}${options.subPath ?? ""}`, {
    method: options.method ?? "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: typeof body === "string" ? body : Buffer.from(body),
  });
}

/** Runs SQL against the shared app's database (to check what was really committed). */
export function queryAppDb<R extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  return queryDatabase<R>(inject("appDatabaseUrl"), sql, params);
}
