import type { z } from "zod";
import { text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";

/** German and English names of the roles. */
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
