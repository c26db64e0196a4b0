import {
  type DomainError,
  type EntityName,
  entities,
  type IssueDetail,
  type Locale,
  type LocalizedText,
  messages,
  staleVersionError,
  text,
} from "@oha/domain";

/**
 * An expected failure of a store operation: a {@link DomainError}, and for a stale edit
 * (`precondition_failed`) the record as it is now, so a client can show what the other person changed.
 */
export type StoreError<T = unknown> = DomainError & { readonly current?: T };

const say = (locale: Locale, texts: LocalizedText) => texts[locale];

/** An update or delete named a version that is no longer the current one (the domain's error). */
export const staleVersion = staleVersionError;

/** The tenant does not exist (or is not visible to the caller). */
export function unknownTenant(tenantId: string, locale: Locale): StoreError<never> {
  return {
    code: "not_found",
    message: say(
      locale,
      text(`Die Region ${tenantId} wurde nicht gefunden.`, `The region ${tenantId} was not found.`),
    ),
  };
}

/** The tenant's own region record cannot be deleted or purged: the tenant would lose its identity. */
export function homeRegionProtected(tenantId: string, locale: Locale): StoreError<never> {
  return {
    code: "forbidden",
    message: say(
      locale,
      text(
        `Die Region ${tenantId} ist der Mandant selbst und kann nicht gelöscht werden.`,
        `The region ${tenantId} is the tenant itself and cannot be deleted.`,
      ),
    ),
  };
}

/** An import into a tenant that already holds records, without the merge mode. */
export function importRefused(tenantId: string, count: number, locale: Locale): StoreError<never> {
  return {
    code: "import_refused",
    message: say(
      locale,
      text(
        `Die Region ${tenantId} enthält bereits ${count} Datensätze. Import abgelehnt; zum Zusammenführen den Modus „merge“ wählen.`,
        `The region ${tenantId} already holds ${count} records. Import refused; choose the "merge" mode to merge.`,
      ),
    ),
  };
}

/** Builds a validation failure from field-level details, in the user's language. */
export function validationFailed(details: IssueDetail[], locale: Locale): StoreError<never> {
  return {
    code: "validation_failed",
    message: say(locale, text("Die Eingabe enthält Fehler.", "The input contains errors.")),
    details,
  };
}

/** A field-level problem using one of the domain's own messages. */
export function issue(
  path: string,
  key: keyof typeof messages,
  params: Readonly<Record<string, string | number>>,
  locale: Locale,
): IssueDetail {
  const texts = messages[key](params);
  return { path, code: key, message: texts[locale], messages: texts };
}

/** A list query named a field the entity does not have, or an unusable value. */
export function badQuery(path: string, value: string, locale: Locale): StoreError<never> {
  return validationFailed([issue(path, "unknown_field", { value }, locale)], locale);
}

/** A cursor that this store did not issue or that belongs to another sort. */
export function badCursor(locale: Locale): StoreError<never> {
  return validationFailed([issue("cursor", "invalid_input", {}, locale)], locale);
}

/** The caller may not make this change (decided on the locked record, inside the transaction). */
export function forbiddenChange(
  entity: EntityName,
  id: string | undefined,
  locale: Locale,
): StoreError<never> {
  const label = entities[entity].label;
  return {
    code: "forbidden",
    message: say(
      locale,
      id
        ? text(
            `Diese Änderung an ${label.de} ${id} ist nicht erlaubt.`,
            `This change to ${label.en} ${id} is not allowed.`,
          )
        : text(
            `${label.de}: Anlegen ist hier nicht erlaubt.`,
            `${label.en}: creating one is not allowed here.`,
          ),
    ),
  };
}

const nulText = text(
  "Das Steuerzeichen NUL (\\u0000) ist in Texten nicht erlaubt.",
  "The control character NUL (\\u0000) is not allowed in texts.",
);

/** Whether a text holds NUL, which PostgreSQL cannot store in text or jsonb. */
export const hasNul = (value: string): boolean => value.includes("\u0000");

/**
 * The places in a value (texts, and names of fields) that hold NUL, each as a field-level problem:
 * PostgreSQL refuses such texts, so they are refused as invalid input before any statement runs.
 */
export function nulIssues(value: unknown, locale: Locale, path: readonly string[] = []): IssueDetail[] {
  const out: IssueDetail[] = [];
  const visit = (item: unknown, at: readonly string[]) => {
    if (typeof item === "string") {
      if (hasNul(item))
        out.push({ path: at.join("."), code: "nul_character", message: nulText[locale], messages: nulText });
    } else if (Array.isArray(item)) {
      item.forEach((inner, i) => {
        visit(inner, [...at, String(i)]);
      });
    } else if (item !== null && typeof item === "object") {
      for (const [key, inner] of Object.entries(item)) {
        if (hasNul(key)) visit(key, at);
        else visit(inner, [...at, key]);
      }
    }
  };
  visit(value, path);
  return out;
}
