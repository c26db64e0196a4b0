// The Node HTTP server around the app: what `dist/entry/node.js` listens with, and what the tests
// start in-process to talk to the app over real HTTP.
import type { Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type HttpBindings, serve } from "@hono/node-server";
import { type Locale, pickLocale, text } from "@oha/domain";
import type { Logger } from "../logger.js";
import { type ProblemCode, problemBody } from "../problems.js";

/** What the server needs of the app. */
export interface Fetchable {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
}

export interface ListenOptions {
  readonly port: number;
  readonly hostname: string;
  readonly logger?: Logger | undefined;
}

/** The largest request line and headers Node's parser accepts (its default, `--max-http-header-size`). */
const headerLimitKb = 16;

const headerOverflow = text(
  `Adresse und Kopfzeilen der Anfrage sind zu lang (zusammen höchstens ${headerLimitKb} KB). Bitte weniger Filter oder Felder auf einmal angeben.`,
  `The request's address and headers are too long (at most ${headerLimitKb} KB together). Please ask for fewer filters or fields at once.`,
);

/** The language of a request the parser gave up on, from whatever of its head arrived. */
function localeOf(raw: unknown): Locale {
  if (!Buffer.isBuffer(raw)) return "de";
  const match = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(raw.toString("latin1"));
  return pickLocale(match?.[1]);
}

/**
 * Answers a request Node's HTTP parser refused before the app saw it (a head over the limit, a
 * malformed request) with a problem document instead of Node's empty answer, and closes the
 * connection: the parser cannot know where the next request would begin.
 */
function answerClientError(
  error: NodeJS.ErrnoException & { rawPacket?: unknown },
  socket: Socket,
  logger?: Logger,
) {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const requestId = crypto.randomUUID();
  const locale = localeOf(error.rawPacket);
  let status: number;
  let code: ProblemCode | undefined;
  let detail: string | undefined;
  if (error.code === "HPE_HEADER_OVERFLOW") {
    // 431 Request Header Fields Too Large; the problem type is the one of every request that is too large.
    status = 431;
    code = "payload_too_large";
    detail = headerOverflow[locale];
  } else if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    status = 408;
  } else {
    status = 400;
    code = "malformed_request";
  }
  logger?.log("warn", "request refused by the HTTP parser", { requestId, status, error: error.code });
  const reason =
    status === 431 ? "Request Header Fields Too Large" : status === 408 ? "Request Timeout" : "Bad Request";
  const body = code ? JSON.stringify({ ...problemBody(code, locale, { detail, requestId }), status }) : "";
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    "Connection: close",
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    `X-Request-Id: ${requestId}`,
    ...(body ? ["Content-Type: application/problem+json", `Content-Length: ${Buffer.byteLength(body)}`] : []),
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}

/**
 * The app's answer, told to close the connection when the request's body has not fully arrived
 * yet (a body over the limit is refused while it is being read). Otherwise the answer would promise
 * a kept-alive connection while the rest of the body is still on its way: the server drains it only
 * for a while and then drops the connection, and the client's next request on it fails.
 */
async function answer(app: Fetchable, request: Request, env: HttpBindings): Promise<Response> {
  const response = await app.fetch(request, env);
  if (env.incoming.complete) return response;
  try {
    response.headers.set("connection", "close");
    return response;
  } catch {
    // Headers of some responses cannot be changed: answer with a copy.
    const headers = new Headers(response.headers);
    headers.set("connection", "close");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** Starts the Node HTTP server for the app. */
export function listen(
  app: Fetchable,
  options: ListenOptions,
  onListening?: (info: AddressInfo) => void,
): Server {
  const server = serve(
    {
      fetch: (request, env) => answer(app, request, env as HttpBindings),
      port: options.port,
      hostname: options.hostname,
    },
    onListening,
  ) as Server;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(error, socket, options.logger),
  );
  return server;
}
