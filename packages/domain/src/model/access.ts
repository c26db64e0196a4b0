import type { z } from "zod";
import { text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import type { EntityName } from "./entities.js";

export const roleLabels = {
  admin: text("Administration (Mandant, Schlüssel, Zugänge)", "Administrator (tenant, keys, users)"),
  coordinator: text("Koordination (alles im Mandanten)", "Coordinator (everything in the tenant)"),
  partner: text(
    "Netzwerkpartner (eigene Maßnahmen und Rückmeldungen)",
    "Partner (own measures and responses)",
  ),
  viewer: text("Lesezugriff", "Viewer (read only)"),
} as const;
/** What a person or system may do in a tenant. */
export const Role = labelledEnum("Role", roleLabels);
export type Role = z.infer<typeof Role>;

/** What a request wants to do. */
export type Action = "read" | "create" | "update" | "delete" | "purge" | "export" | "import" | "manage";

/** Who is asking: their role and, for partners, the actor they belong to. */
export interface Principal {
  readonly role: Role;
  readonly actorId?: string | undefined;
}

/** Entities a partner may write, and the field that ties a record to the partner's actor. */
const partnerOwned: Partial<Record<EntityName, string>> = {
  measure: "providerActorId",
  reconciliationResponse: "actorId",
};

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
  switch (principal.role) {
    case "admin":
      return true;
    case "coordinator":
      return entity !== "apiKey" && action !== "manage";
    case "viewer":
      return action === "read";
    case "partner": {
      if (action === "read") return entity !== "apiKey";
      if (action !== "create" && action !== "update") return false;
      const field = entity === "tenant" || entity === "apiKey" ? undefined : partnerOwned[entity];
      if (!field || !principal.actorId) return false;
      return record === undefined || (record as Record<string, unknown>)[field] === principal.actorId;
    }
  }
}
