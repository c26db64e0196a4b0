import { type Client, createClient } from "@oha/api/client";
import type { EntityName } from "@oha/domain";
import { errorFromResponse, networkError } from "./problem.js";
import type { Api, BatchResult, HistoryEntry, ListQuery, Me, Page } from "./types.js";

type ClientPlural = keyof Client["api"]["v1"];

/**
 * The path segment of every entity the UI uses. `satisfies` checks each against the typed
 * client, so a renamed route breaks the type check here and not at run time.
 */
export const routeOf = {
  actor: "actors",
  contact: "contacts",
  affiliation: "affiliations",
  body: "bodies",
  seat: "seats",
  membership: "memberships",
  meeting: "meetings",
  measure: "measures",
  indicator: "indicators",
  observation: "observations",
} as const satisfies Partial<Record<EntityName, ClientPlural>>;

/** The entities the admin UI works with. */
export type UiEntity = keyof typeof routeOf;

type Json = Record<string, unknown> | unknown[];

/**
 * The operations of one entity's routes, as the typed client offers them. The routes are
 * generated per entity, so their bodies are typed by the domain's schemas at the call sites.
 */
interface EntityRoutes {
  $get(args: { query: Record<string, string> }): Promise<Response>;
  $post(args: { json: Json }): Promise<Response>;
  ":id": {
    $get(args: { param: { id: string } }): Promise<Response>;
    $patch(args: { param: { id: string }; json: Json; header: { "if-match": string } }): Promise<Response>;
    $delete(args: { param: { id: string }; header: { "if-match": string } }): Promise<Response>;
    history: { $get(args: { param: { id: string } }): Promise<Response> };
  };
  batch: {
    $post(args: { query: { dry_run: "true" | "false" }; json: { items: unknown[] } }): Promise<Response>;
  };
}

/** Routes of the API that are not generated per entity. */
interface TenantRoutes {
  me: { $get(args?: object, options?: { headers?: Record<string, string> }): Promise<Response> };
}

/** Options of the HTTP implementation. */
export interface HttpApiOptions {
  /** The origin of the API; the UI is served by the API itself, so this is usually the page's origin. */
  readonly baseUrl: string;
  /** The bearer token (API key) to send, read on every request so sign-in and sign-out take effect at once. */
  readonly token: () => string | undefined;
  /** The UI language: the server localises problem titles and messages by `Accept-Language`. */
  readonly locale: () => string;
  readonly fetch?: typeof fetch;
}

async function call<T>(request: () => Promise<Response>): Promise<T> {
  let res: Response;
  try {
    res = await request();
  } catch (cause) {
    throw networkError(cause);
  }
  if (!res.ok) throw await errorFromResponse(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function listParams(query: ListQuery = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.limit !== undefined) out.limit = String(query.limit);
  if (query.offset !== undefined) out.offset = String(query.offset);
  if (query.sort) out.sort = query.sort;
  if (query.q?.trim()) out.q = query.q.trim();
  if (query.fields?.length) out.fields = query.fields.join(",");
  for (const [field, value] of Object.entries(query.filters ?? {})) if (value !== "") out[field] = value;
  return out;
}

/** The {@link Api} over HTTP, through the API's typed Hono client. */
export function httpApi(options: HttpApiOptions): Api {
  const client = createClient(options.baseUrl, {
    headers: (): Record<string, string> => {
      const token = options.token();
      return {
        "Accept-Language": options.locale(),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      };
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const v1 = client.api.v1 as unknown as Record<string, EntityRoutes> & TenantRoutes;
  const routes = (name: EntityName): EntityRoutes => {
    const path = (routeOf as Partial<Record<EntityName, string>>)[name];
    if (!path) throw new Error(`The admin UI has no route for ${name}`);
    return v1[path] as EntityRoutes;
  };
  const ifMatch = (version: number) => ({ "if-match": `"${version}"` });

  return {
    me: (key) =>
      call<Me>(() => v1.me.$get({}, key ? { headers: { Authorization: `Bearer ${key}` } } : undefined)),
    list: (name, query) => call<Page<never>>(() => routes(name).$get({ query: listParams(query) })),
    get: (name, id) => call(() => routes(name)[":id"].$get({ param: { id } })),
    create: (name, input) => call(() => routes(name).$post({ json: input as Json })),
    update: (name, id, version, patch) =>
      call(() =>
        routes(name)[":id"].$patch({ param: { id }, json: patch as Json, header: ifMatch(version) }),
      ),
    remove: async (name, id, version) => {
      await call<unknown>(() => routes(name)[":id"].$delete({ param: { id }, header: ifMatch(version) }));
    },
    history: async (name, id) =>
      (await call<{ items: HistoryEntry[] }>(() => routes(name)[":id"].history.$get({ param: { id } })))
        .items,
    batch: (name, items, dryRun) =>
      call<BatchResult>(() =>
        routes(name).batch.$post({
          query: { dry_run: dryRun ? "true" : "false" },
          json: { items: [...items] },
        }),
      ),
  };
}
