import type { EntityRecord } from "@oha/domain";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../api/context.js";
import { fetchAll, keys } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";

/** The fields a lookup needs per entity: enough to name a record. */
const labelFields: Record<UiEntity, readonly string[]> = {
  actor: ["name", "shortName", "kind"],
  contact: ["givenName", "familyName"],
  affiliation: ["role", "contactId", "actorId"],
  body: ["name", "shortName"],
  seat: ["label", "bodyId", "actorId"],
  membership: ["role", "contactId", "bodyId"],
  meeting: ["title", "start"],
  measure: ["title"],
  indicator: ["code", "name"],
  observation: ["date", "value"],
};

/** How a record is named in lists, selects and links. */
export function recordLabel(entity: UiEntity, record: Partial<AnyRecord> | undefined): string {
  if (!record) return "";
  const r = record as Record<string, unknown>;
  switch (entity) {
    case "actor":
      return String(r.name ?? r.id ?? "");
    case "contact":
      return [r.givenName, r.familyName].filter(Boolean).join(" ") || String(r.id ?? "");
    case "indicator":
      return [r.code, r.name].filter(Boolean).join(" – ");
    case "meeting":
    case "measure":
      return String(r.title ?? r.id ?? "");
    case "body":
      return String(r.name ?? r.id ?? "");
    default:
      return String(r.label ?? r.role ?? r.id ?? "");
  }
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
      const items = (await fetchAll(api, entity, { fields: labelFields[entity] })) as unknown as AnyRecord[];
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
