import { createClient } from "@oha/api/client";
import {
  type BatchResult,
  type EntityName,
  entities,
  type HandoverInput,
  type HistoryEntry,
  type Me,
  type OpenActionItem,
  type SignatureInput,
  type VerificationInput,
} from "@oha/domain";
import { errorFromResponse, networkError } from "./problem.js";
import type { Api, ApiKeyInfo, ListQuery } from "./types.js";

/** The entities the admin UI works with: every entity of the domain's registry. */
export type UiEntity = EntityName;

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
  return res.json();
}

/** A file the API answers with (a PDF, an iCalendar event, a package). */
async function file(request: () => Promise<Response>): Promise<Blob> {
  let res: Response;
  try {
    res = await request();
  } catch (cause) {
    throw networkError(cause);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res.blob();
}

function listParams(query: ListQuery = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.limit !== undefined) out.limit = String(query.limit);
  if (query.offset !== undefined) out.offset = String(query.offset);
  if (query.sort) out.sort = query.sort;
  if (query.q?.trim()) out.q = query.q.trim();
  if (query.fields?.length) out.fields = query.fields.join(",");
  if (query.deleted) out.include_deleted = query.deleted;
  for (const [field, value] of Object.entries(query.filters ?? {})) if (value !== "") out[field] = value;
  return out;
}

/**
 * The {@link Api} over HTTP. The entity routes are one family generated from the domain's registry,
 * so they are called by the registry's path (`entities[name].plural`) and typed by the domain's
 * record types; the routes that are not per entity (me, the commands) go through the API's typed
 * Hono client, whose types are inferred from the API's schemas.
 */
export function httpApi(options: HttpApiOptions): Api {
  const doFetch = options.fetch ?? fetch;
  const headers = (): Record<string, string> => {
    const token = options.token();
    return {
      "Accept-Language": options.locale(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    };
  };
  const client = createClient(options.baseUrl, { headers, fetch: doFetch });
  const v1 = client.api.v1;
  const ifMatch = (version: number) => ({ "if-match": `"${version}"` });
  const request = (
    method: string,
    name: EntityName,
    path: string,
    init: { body?: unknown; query?: Record<string, string>; version?: number } = {},
  ) => {
    const url = new URL(`/api/v1/${entities[name].plural}${path}`, options.baseUrl);
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, value);
    return () =>
      doFetch(url, {
        method,
        headers: {
          ...headers(),
          ...(init.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...(init.version !== undefined ? { "If-Match": `"${init.version}"` } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
  };
  const at = (id: string) => `/${encodeURIComponent(id)}`;

  return {
    me: (key) =>
      call<Me>(() => v1.me.$get({}, key ? { headers: { Authorization: `Bearer ${key}` } } : undefined)),
    list: (name, query) => call(request("GET", name, "", { query: listParams(query) })),
    get: (name, id) => call(request("GET", name, at(id))),
    create: (name, input) => call(request("POST", name, "", { body: input })),
    update: (name, id, version, patch) => call(request("PATCH", name, at(id), { body: patch, version })),
    remove: async (name, id, version) => {
      await call<unknown>(request("DELETE", name, at(id), { version }));
    },
    restore: (name, id, version) => call(request("POST", name, `${at(id)}/restore`, { version })),
    history: async (name, id) =>
      (await call<{ items: HistoryEntry[] }>(request("GET", name, `${at(id)}/history`))).items,
    batch: (name, items, dryRun) =>
      call<BatchResult>(
        request("POST", name, "/batch", {
          query: { dry_run: dryRun ? "true" : "false" },
          body: { items: [...items] },
        }),
      ),
    handOver: async (affiliationId: string, version: number, input: HandoverInput) => {
      await call(() =>
        v1.affiliations[":id"].handover.$post({
          param: { id: affiliationId },
          header: ifMatch(version),
          json: input,
        }),
      );
    },
    sign: (agreementId: string, version: number, input: SignatureInput) =>
      call(() =>
        v1.agreements[":id"].signatures.$post({
          param: { id: agreementId },
          header: ifMatch(version),
          json: input,
        }),
      ),
    annualReportPdf: (year: number) =>
      file(() => v1.reports["annual.pdf"].$get({ query: { year: String(year) } })),
    verify: (measureId: string, version: number, input: VerificationInput) =>
      call(() =>
        v1.measures[":id"].verify.$post({ param: { id: measureId }, header: ifMatch(version), json: input }),
      ),
    listApiKeys: async () => (await call<{ items: ApiKeyInfo[] }>(() => v1["api-keys"].$get())).items,
    createApiKey: (input) =>
      call(() =>
        v1["api-keys"].$post({
          json: { name: input.name, role: input.role, ...(input.actorId ? { actorId: input.actorId } : {}) },
        }),
      ),
    revokeApiKey: (keyId) => call(() => v1["api-keys"][":keyId"].$delete({ param: { keyId } })),
    exportTransfer: () => file(() => v1.transfer.export.$get()),
    practiceGuidePdf: (lang) => file(() => v1.reports["practice-guide.pdf"].$get({ query: { lang } })),
    meetingPaper: (meetingId, paper, lang) =>
      file(() => {
        const request = { param: { id: meetingId }, query: { lang } };
        const meeting = v1.meetings[":id"];
        if (paper === "invitation.pdf") return meeting["invitation.pdf"].$get(request);
        if (paper === "invitation.ics") return meeting["invitation.ics"].$get(request);
        return meeting["minutes.pdf"].$get(request);
      }),
    // The package is sent as the file holds it: the server checks it and answers a localised problem.
    importTransfer: (pkg, { dryRun, take }) =>
      call(() =>
        doFetch(new URL(`/api/v1/transfer/import?dry_run=${dryRun ? "true" : "false"}`, options.baseUrl), {
          method: "POST",
          headers: { ...headers(), "Content-Type": "application/json" },
          body: JSON.stringify({ package: pkg, ...(take ? { take: [...take] } : {}) }),
        }),
      ),
    analytics: {
      health: () => call(() => v1.analytics.health.$get({ query: {} })),
      participation: () => call(() => v1.analytics.participation.$get({ query: {} })),
      continuity: () => call(() => v1.analytics.continuity.$get({ query: {} })),
      standards: () => call(() => v1.analytics.standards.$get({ query: {} })),
      deadlines: () => call(() => v1.analytics.deadlines.$get({ query: {} })),
      indicators: () => call(() => v1.analytics.indicators.$get({ query: {} })),
      meetings: (actorId?: string) =>
        call(() => v1.analytics.meetings.$get({ query: actorId ? { actor_id: actorId } : {} })),
    },
    openActionItems: async (ownerActorId?: string) =>
      (
        await call<{ items: OpenActionItem[] }>(() =>
          v1["action-items"].$get({ query: ownerActorId ? { owner_actor_id: ownerActorId } : {} }),
        )
      ).items,
    completeActionItem: (meetingId: string, itemId: string, meetingVersion: number) =>
      call(() =>
        v1.meetings[":id"]["action-items"][":itemId"].done.$post({
          param: { id: meetingId, itemId },
          header: ifMatch(meetingVersion),
          json: {},
        }),
      ),
    overlaps: () => call(() => v1.analytics.overlaps.$get({ query: {} })),
    reviewOverlap: (input) => call(() => v1.analytics.overlaps.reviews.$post({ json: input })),
    coverage: (query) =>
      call(() =>
        v1.analytics.coverage.$get({
          query: {
            ...(query.schoolYear ? { school_year: query.schoolYear } : {}),
            ...(query.minimumPlaces ? { minimum_places: String(query.minimumPlaces) } : {}),
            ...(query.targetGroup ? { target_group: query.targetGroup } : {}),
            ...(query.category ? { category: query.category } : {}),
          },
        }),
      ),
    realisation: (query) =>
      call(() =>
        v1.analytics.realisation.$get({
          query: {
            ...(query.from ? { from: query.from } : {}),
            ...(query.to ? { to: query.to } : {}),
            ...(query.asOf ? { as_of: query.asOf } : {}),
          },
        }),
      ),
  };
}
