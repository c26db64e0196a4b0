import { partnerVisibilities } from "./document.js";
import { type EntityName, entities } from "./entities.js";
import type { Role } from "./role.js";

export { Role, roleLabels } from "./role.js";

/** What a request wants to do. */
export type Action = "read" | "create" | "update" | "delete" | "purge" | "export" | "import" | "manage";

/** Who is asking: their role and, for partners, the actor they belong to. */
export interface Principal {
  readonly role: Role;
  readonly actorId?: string | undefined;
  /** The tenant the principal belongs to: its own region record is the tenant's settings (admins only). */
  readonly tenantId?: string | undefined;
}

/**
 * Decides whether a principal may perform an action on an entity (and, for partners, on a
 * specific record or input: a partner edits only the measures of its own actor and its own
 * reconciliation responses). For an update, ask for the record before and after the change.
 *
 * @example
 * can({ role: "partner", actorId: "act_000000000001" }, "update", "measure", { providerActorId: "act_000000000001" }); // true
 */
export function can(
  principal: Principal,
  action: Action,
  entity: EntityName | "tenant" | "apiKey",
  record?: object,
): boolean {
  // The tenant's own region record holds the tenant's settings: only admins change it.
  const home =
    entity === "region" &&
    principal.tenantId !== undefined &&
    (record as { id?: unknown } | undefined)?.id === principal.tenantId;
  if (home && action !== "read" && principal.role !== "admin") return false;
  switch (principal.role) {
    case "admin":
      return true;
    case "coordinator":
      return entity !== "apiKey" && action !== "manage";
    case "viewer":
      return action === "read";
    case "partner": {
      if (action === "read") {
        if (entity === "apiKey") return false;
        // Some records are not for partners (internal documents): the same rule lists apply as a filter.
        const where = entity === "tenant" ? undefined : readableWhere(principal, entity);
        if (!where || record === undefined) return true;
        const fields = record as Record<string, unknown>;
        return Object.entries(where).every(([field, values]) => values.includes(String(fields[field])));
      }
      if (action !== "create" && action !== "update") return false;
      // A partner writes only records its own actor owns (the registry's `ownerField`).
      const field = entity === "tenant" || entity === "apiKey" ? undefined : entities[entity].ownerField;
      if (!field || !principal.actorId) return false;
      return record === undefined || (record as Record<string, unknown>)[field] === principal.actorId;
    }
  }
}

/**
 * Whether a principal may mark an action item of a meeting done: whoever may update meetings, and
 * a partner for the items assigned to its own actor (`ownerActorId`), though it may not change the
 * meeting otherwise.
 *
 * @example
 * canCompleteActionItem({ role: "partner", actorId: "act_000000000001" }, { ownerActorId: "act_000000000001" }); // true
 */
export function canCompleteActionItem(
  principal: Principal,
  item: { readonly ownerActorId?: string | undefined },
): boolean {
  if (can(principal, "update", "meeting")) return true;
  return principal.role === "partner" && !!principal.actorId && item.ownerActorId === principal.actorId;
}

/**
 * Which records of an entity a principal may read, as the values their fields must have, or
 * undefined when every record is readable to whoever may read the entity at all. Lists apply it
 * as a filter (so pages and totals count only what the principal sees), single reads by `can()`.
 *
 * @example
 * readableWhere({ role: "partner", actorId: "act_000000000001" }, "document"); // { visibility: ["partners", "public"] }
 */
export function readableWhere(
  principal: Principal,
  entity: EntityName,
): Readonly<Record<string, readonly string[]>> | undefined {
  if (principal.role === "partner" && entity === "document") return { visibility: partnerVisibilities };
  return undefined;
}
