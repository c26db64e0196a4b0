import type { EntityCreate, EntityName, EntityPatch, EntityRecord } from "@oha/domain";
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useApi } from "./context.js";
import type { UiEntity } from "./http.js";
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
  return Promise.all(names.map((name) => client.invalidateQueries({ queryKey: keys.all(name) })));
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
  });
}

/** Deletes a record (soft delete on the server) and refreshes what shows the entity. */
export function useRemove(name: UiEntity) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { id: string; version: number }) => api.remove(name, args.id, args.version),
    onSuccess: () => invalidate(client, name),
  });
}
