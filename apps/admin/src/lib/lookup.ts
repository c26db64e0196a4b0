import { type EntityRecord, entities, type Locale, recordTitle } from "@oha/domain";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../api/context.js";
import { fetchAll, keys } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";

/**
 * How a record is named in lists, selects and links: the domain's title fields of the entity
 * (`recordTitle`), falling back to the id.
 */
export function recordLabel(
  entity: UiEntity,
  record: Partial<AnyRecord> | undefined,
  locale: Locale = "de",
): string {
  if (!record) return "";
  return recordTitle(entity, record, locale) || String(record.id ?? "");
}

/** An option of a reference select. */
export interface LookupOption {
  readonly id: string;
  readonly label: string;
  readonly record: AnyRecord;
}

/**
 * Every record of an entity with just enough fields to name it, sorted by name: for selects and
 * for naming references in lists. Networks have hundreds of actors and contacts, not millions.
 */
export function useLookup(entity: UiEntity, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: keys.lookup(entity),
    queryFn: async () => {
      const items = await fetchAll(api, entity, { fields: entities[entity].titleFields });
      const options: LookupOption[] = items
        .map((record) => ({ id: record.id, label: recordLabel(entity, record), record }))
        .sort((a, b) => a.label.localeCompare(b.label, "de"));
      return { options, byId: new Map(options.map((o) => [o.id, o])) };
    },
    staleTime: 30_000,
    enabled,
  });
}

/** The name of a referenced record, or its id while names load or when it is unknown. */
export function useRecordName(entity: UiEntity): (id: string | undefined) => string {
  const lookup = useLookup(entity);
  return (id) => (id ? (lookup.data?.byId.get(id)?.label ?? id) : "");
}

/** A record type by entity, for readable signatures. */
export type Rec<N extends UiEntity> = EntityRecord<N>;
