// Kept-alive connections for the guarded client, so draining a queue to one receiver
// does not pay a TCP (and TLS) handshake per request. Pooling keeps the address check
// intact because the agents never dial on their own: a socket is only created for a
// request that passed the literal-IP check, through that request's guarded lookup
// (the agent hands the request's `lookup` to net.connect). A pooled socket was thus
// checked when it connected, and the agent reuses it only for the same host:port (and
// TLS server name), its pool key. The allow-list is part of what made a connection
// acceptable, so every allow-list gets agents of its own.
import http from "node:http";
import https from "node:https";
import type { AllowList } from "@/lib/net/address-ranges";

export type OriginAgents = { "http:": http.Agent; "https:": https.Agent };

const AGENT_OPTIONS = {
  keepAlive: true,
  // Idle pooled sockets close after 4 s. Node servers drop an idle kept-alive connection
  // after 5 s (keepAliveTimeout), and a request written while the receiver is closing
  // fails: closing our side first avoids most of those races. A receiver that announces
  // a shorter `Keep-Alive: timeout=N` is honoured by Node itself (N - 1 s). Idle sockets
  // are also unref'd by the agent, so they never keep the process alive.
  timeout: 4_000,
  // Per origin: above the forwarding worker's usual concurrency, yet a bound on how many
  // connections one receiver (or a slow one) can hold; further requests wait for a socket.
  maxSockets: 64,
  // A burst's leftover idle sockets beyond this are closed at once, not after 4 s.
  maxFreeSockets: 32,
} as const;

// One entry per distinct allow-list: in production the one from INBOX_OUTBOUND_ALLOW.
const agentsByAllowList = new Map<string, OriginAgents>();

/** The pooled agents for connections judged by `allow`. */
export function agentsFor(allow: AllowList): OriginAgents {
  const key = allow.map(([range, bits]) => `${range.toString()}/${bits}`).join(",");
  let agents = agentsByAllowList.get(key);
  if (!agents) {
    agents = { "http:": new http.Agent(AGENT_OPTIONS), "https:": new https.Agent(AGENT_OPTIONS) };
    agentsByAllowList.set(key, agents);
  }
  return agents;
}
