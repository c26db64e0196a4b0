import { type LocalizedText, text } from "../common/i18n.js";

/** How far a reference list or entry can be relied on, in German and English. */
export const referenceStatusLabels = {
  official: text("Amtlich / in der genannten Quelle geprüft", "Official / verified in the cited source"),
  example: text(
    "Beispiel oder Arbeitsdefinition, nicht verbindlich",
    "Example or working definition, not binding",
  ),
  unverified: text("Nicht geprüft – vor Gebrauch prüfen", "Unverified – check before relying on it"),
} as const;

/**
 * How far a reference list or entry can be relied on: `official` was checked against the cited
 * source, `example` is an illustration or working definition, `unverified` could not be checked.
 */
export type ReferenceStatus = keyof typeof referenceStatusLabels;

/** The statuses, strongest first. */
export const referenceStatuses = Object.keys(referenceStatusLabels) as ReferenceStatus[];

/**
 * A list of reference data with its provenance: where it comes from, how far it is verified and
 * whether a region may edit it.
 *
 * @example
 * if (iabeSectorIIAccounts.status !== "official") showWarning(referenceStatusLabels[iabeSectorIIAccounts.status]);
 */
export interface ReferenceList<E> {
  /** Stable identifier of the list. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: ReferenceStatus;
  /** Where the list comes from (publication, URL, repository and commit). */
  readonly source: string;
  /** True for working lists a region is expected to copy and adapt. */
  readonly editable: boolean;
  readonly note?: LocalizedText;
  readonly entries: E;
}

/** The common shape of one entry: an optional own status and source where they differ from the list's. */
export interface ReferenceEntryProvenance {
  readonly status?: ReferenceStatus;
  readonly source?: string;
}
