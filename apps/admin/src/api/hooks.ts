import type {
  EntityCreate,
  EntityName,
  EntityPatch,
  EntityRecord,
  HandoverInput,
  SignatureInput,
} from "@oha/domain";
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useApi } from "./context.js";
import type { UiEntity } from "./http.js";
import { isApiError } from "./problem.js";
import type { AnyRecord, Api, ListQuery, Page } from "./types.js";

/** Query keys, so that a change invalidates exactly what shows the entity. */
export const keys = {
  all: (name: EntityName) => ["entity", name] as const,
  list: (name: EntityName, query: ListQuery) => ["entity", name, "list", query] as const,
  record: (name: EntityName, id: string) => ["entity", name, "record", id] as const,
  history: (name: EntityName, id: string) => ["entity", name, "history", id] as const,
  lookup: (name: EntityName) => ["entity", name, "lookup"] as const,
  everything: (name: EntityName, query: ListQuery) => ["entity", name, "everything", query] as const,
};

/** One page of a list; the previous page stays on screen while the next one loads. */
export function useList<N extends UiEntity>(name: N, query: ListQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: keys.list(name, query),
    queryFn: () => api.list(name, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The largest page the API serves. */
export const maxPageSize = 500;

/** Every record matching a query, fetched page by page (for exports, lookups and cross-record views). */
export async function fetchAll<N extends EntityName>(
  api: Api,
  name: N,
  query: ListQuery = {},
): Promise<EntityRecord<N>[]> {
  const items: EntityRecord<N>[] = [];
  for (let offset = 0; ; offset += maxPageSize) {
    const page: Page<EntityRecord<N>> = await api.list(name, { ...query, limit: maxPageSize, offset });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/** Every record matching a query (see {@link fetchAll}). */
export function useEverything<N extends UiEntity>(name: N, query: ListQuery = {}, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: keys.everything(name, query),
    queryFn: () => fetchAll(api, name, query),
    enabled,
  });
}

/** One record by id. */
export function useRecord<N extends UiEntity>(name: N, id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: keys.record(name, id ?? ""),
    queryFn: () => api.get(name, id ?? ""),
    enabled: Boolean(id),
  });
}

/** The change history of a record, oldest first. */
export function useHistory(name: UiEntity, id: string) {
  const api = useApi();
  return useQuery({ queryKey: keys.history(name, id), queryFn: () => api.history(name, id) });
}

/** Forgets everything cached about an entity, so lists and records load again. */
export function invalidate(client: QueryClient, ...names: EntityName[]) {
  return Promise.all([
    ...names.map((name) => client.invalidateQueries({ queryKey: keys.all(name) })),
    // Analyses are computed from the records: any change may change them.
    client.invalidateQueries({ queryKey: analyticsKeys.all }),
  ]);
}

/** Creates a record and refreshes what shows the entity. */
export function useCreate<N extends UiEntity>(name: N) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EntityCreate<N>) => api.create(name, input),
    onSuccess: () => invalidate(client, name),
  });
}

/**
 * The one place a stale write (412) is handled: the server sends the record as it is now, and it
 * replaces the cached one, so every screen shows the other person's change and the next attempt
 * starts from it. Forms add their own view of the conflict on top.
 */
export function refreshOnConflict(client: QueryClient, name: EntityName, id: string, error: unknown) {
  if (isApiError(error) && error.status === 412 && error.problem.current) {
    client.setQueryData(keys.record(name, id), error.problem.current);
    void client.invalidateQueries({ queryKey: keys.all(name), refetchType: "none" });
  }
}

/** Changes a record (If-Match with the version the user started from) and refreshes what shows it. */
export function useUpdate<N extends UiEntity>(name: N) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; patch: EntityPatch<N> }) =>
      api.update(name, args.id, args.version, args.patch),
    onSuccess: (record) => {
      client.setQueryData(keys.record(name, (record as AnyRecord).id), record);
      return invalidate(client, name);
    },
    onError: (error, args) => refreshOnConflict(client, name, args.id, error),
  });
}

/**
 * Deletes a record (soft delete on the server). The record's page is left, so its query is only
 * marked stale here, not fetched again (it would answer "not found").
 */
export function useRemove(name: UiEntity) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number }) => api.remove(name, args.id, args.version),
    onSuccess: (_, args) => {
      // The record as it was is gone: a later visit must load it anew, not act on the old version.
      client.removeQueries({ queryKey: keys.record(name, args.id) });
      return Promise.all([
        client.invalidateQueries({ queryKey: keys.all(name), refetchType: "none" }),
        client.invalidateQueries({ queryKey: analyticsKeys.all }),
      ]);
    },
    onError: (error, args) => refreshOnConflict(client, name, args.id, error),
  });
}

/** Brings a deleted record back and refreshes what shows the entity. */
export function useRestore(name: UiEntity) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number }) => api.restore(name, args.id, args.version),
    onSuccess: (record) => {
      // The restored record is the current version: a delete or edit right after acts on it.
      client.setQueryData(keys.record(name, record.id), record);
      return invalidate(client, name);
    },
  });
}

/** The handover command: one transaction on the server; affiliations and memberships are refreshed. */
export function useHandOver() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { affiliationId: string; version: number; input: HandoverInput }) =>
      api.handOver(args.affiliationId, args.version, args.input),
    onSuccess: () => invalidate(client, "affiliation", "membership", "contact"),
    onError: (error, args) => refreshOnConflict(client, "affiliation", args.affiliationId, error),
  });
}

/** The verification stamp of a measure: the server records who confirmed it, and when. */
export function useVerify() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; note?: string }) =>
      api.verify(args.id, args.version, args.note ? { note: args.note } : {}),
    onSuccess: (record) => {
      client.setQueryData(keys.record("measure", record.id), record);
      return invalidate(client, "measure");
    },
    onError: (error, args) => refreshOnConflict(client, "measure", args.id, error),
  });
}

/** Records a partner's signature under an agreement (one command; the status follows the signing rule). */
export function useSign() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number; input: SignatureInput }) =>
      api.sign(args.id, args.version, args.input),
    onSuccess: (record) => {
      client.setQueryData(keys.record("agreement", record.id), record);
      return invalidate(client, "agreement");
    },
    onError: (error, args) => refreshOnConflict(client, "agreement", args.id, error),
  });
}

/** Query keys of the analyses: any change of records may change them, so every write forgets them (see {@link invalidate}). */
export const analyticsKeys = {
  all: ["analytics"] as const,
  of: (name: string, ...params: unknown[]) => ["analytics", name, ...params] as const,
  actionItems: (ownerActorId?: string) => ["analytics", "actionItems", ownerActorId ?? ""] as const,
};

/**
 * One analysis of the tenant's network, as the server computes it.
 *
 * @example
 * const health = useAnalysis("health", (api) => api.analytics.health());
 */
export function useAnalysis<T>(name: string, load: (api: Api) => Promise<T>, ...params: string[]) {
  const api = useApi();
  return useQuery({ queryKey: analyticsKeys.of(name, ...params), queryFn: () => load(api) });
}

/** The open action items, of everyone or of one partner. */
export function useOpenActionItems(ownerActorId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: analyticsKeys.actionItems(ownerActorId),
    queryFn: () => api.openActionItems(ownerActorId),
  });
}

/** Marks an action item done; meetings and the analyses that read them are refreshed. */
export function useCompleteActionItem() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { meetingId: string; itemId: string; meetingVersion: number }) =>
      api.completeActionItem(args.meetingId, args.itemId, args.meetingVersion),
    onSuccess: (meeting) => {
      client.setQueryData(keys.record("meeting", meeting.id), meeting);
      return Promise.all([
        invalidate(client, "meeting"),
        client.invalidateQueries({ queryKey: analyticsKeys.all }),
      ]);
    },
    onError: (error, args) => {
      refreshOnConflict(client, "meeting", args.meetingId, error);
      void client.invalidateQueries({ queryKey: analyticsKeys.all });
    },
  });
}
