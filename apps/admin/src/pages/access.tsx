import type { Role } from "@oha/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/context.js";
import { type FieldProblem, isApiError } from "../api/problem.js";
import type { ApiKeyInfo } from "../api/types.js";
import { SelectField, TextField, useEnumOptions } from "../components/Field.js";
import { messageAt } from "../components/FieldInput.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { useLookup, useRecordName } from "../lib/lookup.js";

const apiKeysKey = ["api-keys"] as const;

/**
 * Who may use the district's OHA: its API keys, for admins. A key is made for a person or a
 * machine with a role (a partner's key acts for its actor); its secret is shown once, and a key can
 * be revoked, which ends its use at once.
 */
export function AccessPage() {
  const { t } = useTranslation();
  const api = useApi();
  const keys = useQuery({ queryKey: apiKeysKey, queryFn: () => api.listApiKeys() });
  return (
    <>
      <PageTitle>{t("keysPage.title")}</PageTitle>
      <p className="lead">{t("keysPage.intro")}</p>
      <NewKey />
      <section aria-labelledby="access-keys" className="meeting-section">
        <h2 id="access-keys">{t("keysPage.keys")}</h2>
        {keys.isPending ? <Loading /> : null}
        {keys.error ? <ProblemAlert error={keys.error} onRetry={() => void keys.refetch()} /> : null}
        {keys.data ? <KeyTable keys={keys.data} /> : null}
      </section>
    </>
  );
}

function NewKey() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const locale = useLocale();
  const roles = useEnumOptions("Role");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("coordinator");
  const [actorId, setActorId] = useState("");
  const [errors, setErrors] = useState<readonly FieldProblem[]>([]);
  const [secret, setSecret] = useState<{ name: string; secret: string } | undefined>();
  const actors = useLookup("actor", role === "partner");
  const create = useMutation({
    mutationFn: () =>
      api.createApiKey({ name: name.trim(), role, ...(role === "partner" && actorId ? { actorId } : {}) }),
    onSuccess: async (made) => {
      setSecret({ name: made.key.name, secret: made.secret });
      setName("");
      setActorId("");
      setErrors([]);
      await client.invalidateQueries({ queryKey: apiKeysKey });
    },
    onError: (error) => {
      if (isApiError(error) && error.problem.errors?.length) setErrors(error.problem.errors);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSecret(undefined);
    // A partner's key acts for one partner: without it, the key could do nothing a partner may do.
    const missing: FieldProblem[] = [];
    if (!name.trim()) missing.push(required("name", t));
    if (role === "partner" && !actorId) missing.push(required("actorId", t));
    setErrors(missing);
    if (missing.length === 0) create.mutate();
  };
  return (
    <section aria-labelledby="access-new" className="meeting-section">
      <h2 id="access-new">{t("keysPage.new")}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t("keysPage.name")}
          hint={t("keysPage.nameHint")}
          required
          value={name}
          onChange={setName}
          error={messageAt(errors, "name", locale)}
        />
        <SelectField
          label={t("keysPage.role")}
          hint={t("keysPage.roleHint")}
          required
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={roles}
          error={messageAt(errors, "role", locale)}
        />
        {role === "partner" ? (
          <SelectField
            label={t("keysPage.actor")}
            required
            value={actorId}
            onChange={setActorId}
            emptyLabel={t("keysPage.chooseActor")}
            options={(actors.data?.options ?? []).map((o) => ({ value: o.id, label: o.label }))}
            error={messageAt(errors, "actorId", locale)}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={create.isPending}>
            {t("keysPage.create")}
          </button>
        </div>
      </form>
      {create.error && !(isApiError(create.error) && create.error.problem.errors?.length) ? (
        <ProblemAlert error={create.error} />
      ) : null}
      {secret ? (
        <div className="alert alert-success" aria-live="polite">
          <p className="alert-title">{t("keysPage.made", { name: secret.name })}</p>
          <p>{t("keysPage.secretOnce")}</p>
          <TextField label={t("keysPage.secret")} value={secret.secret} onChange={() => undefined} readOnly />
        </div>
      ) : null}
    </section>
  );
}

function required(path: string, t: (key: string) => string): FieldProblem {
  const message = t("keysPage.required");
  return { path, code: "required", message, messages: { de: message, en: message } };
}

function KeyTable({ keys }: { keys: readonly ApiKeyInfo[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const api = useApi();
  const client = useQueryClient();
  const actorName = useRecordName("actor");
  const [confirming, setConfirming] = useState<string | undefined>();
  const revoke = useMutation({
    mutationFn: (keyId: string) => api.revokeApiKey(keyId),
    onSuccess: async () => {
      setConfirming(undefined);
      await client.invalidateQueries({ queryKey: apiKeysKey });
    },
  });
  if (keys.length === 0) return <p>{t("keysPage.none")}</p>;
  return (
    <>
      {revoke.error ? <ProblemAlert error={revoke.error} /> : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t("keysPage.keys")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("keysPage.name")}</th>
              <th scope="col">{t("keysPage.role")}</th>
              <th scope="col">{t("keysPage.actor")}</th>
              <th scope="col">{t("keysPage.prefix")}</th>
              <th scope="col">{t("keysPage.created")}</th>
              <th scope="col">{t("keysPage.lastUsed")}</th>
              <th scope="col">{t("keysPage.state")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td>{labels.value("Role", key.role)}</td>
                <td>{key.actorId ? actorName(key.actorId) : "–"}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{formatDate(key.createdAt, locale)}</td>
                <td>{key.lastUsedAt ? formatDate(key.lastUsedAt, locale) : t("keysPage.never")}</td>
                <td>
                  {key.revokedAt ? (
                    t("keysPage.revokedOn", { date: formatDate(key.revokedAt, locale) })
                  ) : confirming === key.id ? (
                    <span className="button-row">
                      <button
                        type="button"
                        className="button danger small"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(key.id)}
                      >
                        {t("keysPage.confirmRevoke", { name: key.name })}
                      </button>
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => setConfirming(undefined)}
                      >
                        {t("keysPage.keep")}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button danger-outline small"
                      onClick={() => setConfirming(key.id)}
                      aria-label={t("keysPage.revokeKey", { name: key.name })}
                    >
                      {t("keysPage.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
