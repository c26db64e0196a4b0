import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../api/problem.js";
import { useSession } from "../auth/session.js";
import { TextField } from "../components/Field.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";

/** Sign-in with an API key; the key is checked by the server before it is kept. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [key, setKey] = useState("");
  const [error, setError] = useState<unknown>();
  const [fieldError, setFieldError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setFieldError(undefined);
    if (!key.trim()) {
      setFieldError(t("signIn.keyMissing"));
      return;
    }
    setBusy(true);
    try {
      await signIn(key);
      const next = params.get("next");
      navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
    } catch (e) {
      if (isApiError(e) && e.status === 401) setFieldError(t("signIn.keyWrong"));
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <p className="brand-name">{t("app.name")}</p>
          </div>
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" className="main narrow">
        <PageTitle>{t("signIn.title")}</PageTitle>
        <p>{t("signIn.intro")}</p>
        {error ? <ProblemAlert error={error} /> : null}
        <form onSubmit={submit} noValidate>
          <TextField
            id="api-key"
            label={t("signIn.key")}
            hint={t("signIn.keyHint")}
            type="password"
            autoComplete="current-password"
            required
            value={key}
            onChange={setKey}
            error={fieldError}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t("signIn.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}
