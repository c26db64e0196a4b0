import { useTranslation } from "react-i18next";

/** Switches the UI between German and English; the button is labelled in the language it switches to. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === "en" ? "de" : "en";
  return (
    <button
      type="button"
      className="button secondary"
      lang={next}
      onClick={() => void i18n.changeLanguage(next)}
    >
      {next === "en" ? "English" : "Deutsch"}
    </button>
  );
}
