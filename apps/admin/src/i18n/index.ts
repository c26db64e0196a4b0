import { type EntityName, type EnumId, entities, type Locale, labelOf } from "@oha/domain";
import i18next, { type i18n } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { de } from "./de.js";
import { en } from "./en.js";

/** The languages of the UI: German first. */
export const languages = ["de", "en"] as const satisfies readonly Locale[];

const storageKey = "oha.language";

function storedLanguage(): Locale | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value === "de" || value === "en" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fresh i18next instance with the UI strings in German (default) and English. Enum labels do
 * not live here: they come from `labels` in @oha/domain.
 */
export function createI18n(language?: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: language ?? storedLanguage() ?? "de",
    fallbackLng: "de",
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const sync = (lng: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = lng;
  };
  sync(instance.language);
  instance.on("languageChanged", (lng) => {
    sync(lng);
    try {
      localStorage.setItem(storageKey, lng);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  });
  return instance;
}

/** The current UI language. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "de";
}

/** Labels from the domain in the current language: enum values and entity names. */
export function useLabels() {
  const locale = useLocale();
  return {
    locale,
    /** The label of an enum value, e.g. `value("ActorKind", "chamber")`. */
    value: (enumId: EnumId, value: string | undefined) => (value ? labelOf(enumId, value, locale) : ""),
    /** The name of an entity, singular or plural. */
    entity: (name: EntityName, plural = false) =>
      (plural ? entities[name].labelPlural : entities[name].label)[locale],
  };
}

/** A date (YYYY-MM-DD) or date-time, formatted for the current language. */
export function formatDate(value: unknown, locale: Locale, withTime = false): string {
  if (typeof value !== "string" || !value) return "";
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  }).format(date);
}
