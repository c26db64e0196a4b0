import { AgreementFigures, type Signature } from "@oha/domain";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSign } from "../api/hooks.js";
import type { AnyRecord } from "../api/types.js";
import { SelectField, TextField } from "../components/Field.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { today } from "../lib/forms.js";
import { useRecordName } from "../lib/lookup.js";
import { GenericShow, usePermissions } from "./generic.js";

/** An agreement: its fields, and its signatures with who is still missing. */
export const AgreementPage = () => (
  <GenericShow entity="agreement" extra={(record) => <Signatures agreement={record} />} />
);

/**
 * The signatures under an agreement and the ones still missing. A coordinator records a partner's
 * signature; the server applies the signing rule, so the agreement comes into force by itself
 * with the last one (from its validity start).
 */
function Signatures({ agreement }: { agreement: AnyRecord }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const actorName = useRecordName("actor");
  const perms = usePermissions("agreement", agreement);
  const sign = useSign();
  const figures = AgreementFigures.safeParse(agreement.figures);
  const signatures: readonly Signature[] = Array.isArray(agreement.signatures) ? agreement.signatures : [];
  const missing = figures.success ? figures.data.missingSignatures : [];
  const [actorId, setActorId] = useState("");
  const [signedOn, setSignedOn] = useState(today());
  const [done, setDone] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone("");
    if (!actorId) return;
    sign.mutate(
      {
        id: agreement.id,
        version: agreement.version,
        input: { actorId: actorId as Signature["actorId"], signedOn },
      },
      {
        onSuccess: () => {
          setDone(t("agreement.signed", { name: actorName(actorId) }));
          setActorId("");
        },
      },
    );
  };
  return (
    <section aria-labelledby="agreement-signatures" className="meeting-section">
      <h2 id="agreement-signatures">{t("agreement.signatures")}</h2>
      {figures.success ? (
        <p>
          {t("agreement.statusToday", {
            status: labels.value("AgreementStatus", figures.data.effectiveStatus),
          })}
        </p>
      ) : null}
      {signatures.length ? (
        <table className="data-table compact">
          <caption className="visually-hidden">{t("agreement.signatures")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agreement.partner")}</th>
              <th scope="col">{t("agreement.signedOn")}</th>
              <th scope="col">{t("agreement.revision")}</th>
            </tr>
          </thead>
          <tbody>
            {signatures.map((s) => (
              <tr key={`${s.actorId}-${s.revision ?? 0}`}>
                <th scope="row">{actorName(s.actorId)}</th>
                <td>{formatDate(s.signedOn, locale)}</td>
                <td>{s.revision ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("agreement.noSignatures")}</p>
      )}
      {missing.length ? (
        <>
          <h3>{t("agreement.missing")}</h3>
          <ul>
            {missing.map((id) => (
              <li key={id}>{actorName(id)}</li>
            ))}
          </ul>
        </>
      ) : figures.success ? (
        <p>{t("agreement.allSigned")}</p>
      ) : null}
      {perms.update && missing.length ? (
        <form className="subform" onSubmit={submit} aria-labelledby="agreement-sign-title">
          <h3 id="agreement-sign-title">{t("agreement.sign")}</h3>
          <SelectField
            label={t("agreement.partner")}
            required
            value={actorId}
            onChange={setActorId}
            emptyLabel={t("form.choose")}
            options={missing.map((id) => ({ value: id, label: actorName(id) }))}
          />
          <TextField
            label={t("agreement.signedOn")}
            type="date"
            required
            value={signedOn}
            onChange={setSignedOn}
          />
          <div className="button-row">
            <button type="submit" className="button primary" disabled={sign.isPending || !actorId}>
              {t("agreement.sign")}
            </button>
          </div>
        </form>
      ) : null}
      <output className="muted">{done}</output>
      {sign.error ? <ProblemAlert error={sign.error} /> : null}
    </section>
  );
}
