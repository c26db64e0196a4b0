import { useTranslation } from "react-i18next";
import { type ApiError, isApiError } from "../api/problem.js";
import { useLocale } from "../i18n/index.js";

/** The title to show for a failed call: the server's (already localised) or ours for no answer. */
export function useProblemTitle(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      if (error.kind === "network") return t("problem.network");
      return error.problem.title ?? t("problem.status", { status: error.status });
    }
    return t("problem.unexpected");
  };
}

/**
 * Shows why something failed: the problem's title, its detail and any field errors that no
 * field on screen shows. Never empty: without an answer it says that the server was not reached.
 */
export function ProblemAlert({
  error,
  onRetry,
  showFieldErrors = true,
}: {
  error: unknown;
  onRetry?: () => void;
  showFieldErrors?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useProblemTitle()(error);
  const problem = isApiError(error) ? (error as ApiError).problem : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      {problem?.detail ? <p>{problem.detail}</p> : null}
      {showFieldErrors && problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}-${e.code}`}>
              {e.path ? <code>{e.path}</code> : null} {e.messages?.[locale] ?? e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {problem?.requestId ? (
        <p className="muted small">{t("problem.requestId", { id: problem.requestId })}</p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t("actions.retry")}
        </button>
      ) : null}
    </div>
  );
}

/** A loading state that screen readers announce. */
export function Loading() {
  const { t } = useTranslation();
  return <output className="loading">{t("common.loading")}</output>;
}
