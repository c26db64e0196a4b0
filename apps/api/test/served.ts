// A test app served over real HTTP by the same Node server the entry listens with
// (src/entry/node-server.ts), on 127.0.0.1 and a free port, on the test's store (PGlite or PostgreSQL).
import type { Server } from "node:http";
import { Agent, type Dispatcher, request } from "undici";
import { listen } from "../src/entry/node-server.js";
import type { Call, Reply, TestApp } from "./harness.js";

export interface Served {
  /** The base URL, e.g. http://127.0.0.1:41234. */
  readonly base: string;
  /** A request over HTTP through `dispatcher` (a fresh keep-alive agent of this server unless given). */
  request<T = unknown>(method: string, path: string, call?: Call, dispatcher?: Dispatcher): Promise<Reply<T>>;
  close(): Promise<void>;
}

/** Starts the Node server on the app and waits until it listens. */
export async function serveOverHttp(t: Pick<TestApp, "app" | "logs">): Promise<Served> {
  let server: Server | undefined;
  const port = await new Promise<number>((ok) => {
    server = listen(t.app, { port: 0, hostname: "127.0.0.1" }, (info) => ok(info.port));
  });
  const base = `http://127.0.0.1:${port}`;
  // Idle connections stay open long enough that a slow machine between two requests still reuses them.
  const agent = new Agent({ keepAliveTimeout: 600_000, connections: 1 });
  return {
    base,
    async request<T>(method: string, path: string, call: Call = {}, dispatcher: Dispatcher = agent) {
      const headers: Record<string, string> = { ...call.headers };
      if (call.key) headers.authorization = `Bearer ${call.key}`;
      let body: string | undefined;
      if (call.json !== undefined || call.raw !== undefined) {
        body = call.raw ?? JSON.stringify(call.json);
        headers["content-type"] ??= "application/json";
      }
      const response = await request(`${base}${path}`, {
        method: method as Dispatcher.HttpMethod,
        headers,
        dispatcher,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.body.text();
      const replyHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) replyHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const type = replyHeaders.get("content-type") ?? "";
      const parsed = type.includes("json") && text ? (JSON.parse(text) as T) : (text as T);
      return { status: response.statusCode, headers: replyHeaders, text, body: parsed };
    },
    async close() {
      await agent.close();
      await new Promise<void>((ok) => {
        server?.close(() => ok());
        server?.closeAllConnections();
      });
    },
  };
}
