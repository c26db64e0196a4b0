import { entities, validate } from "@oha/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../api/context.js";
import { invalidate, useEverything } from "../api/hooks.js";
import type { FieldProblem } from "../api/problem.js";
import type { AnyRecord } from "../api/types.js";
import { EntityForm } from "../components/EntityForm.js";
import { TextArea } from "../components/Field.js";
import { ListPage } from "../components/ListPage.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { DeleteButton, DetailList } from "../components/RecordParts.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { fieldsOf, parseNumber, today } from "../lib/forms.js";
import { recordLabel } from "../lib/lookup.js";
import { EditRecordPage, NewRecordPage, pathOf, usePermissions, WithRecord } from "./generic.js";

/** The list of indicators (figures the network watches). */
export function IndicatorList() {
  const { t } = useTranslation();
  const labels = useLabels();
  const perms = usePermissions("indicator");
  return (
    <ListPage
      config={{
        entity: "indicator",
        title: labels.entity("indicator", true),
        defaultSort: "code",
        filters: [
          { field: "unit", kind: "enum", enumId: "IndicatorUnit" },
          { field: "direction", kind: "enum", enumId: "IndicatorDirection" },
          { field: "frequency", kind: "enum", enumId: "Frequency" },
        ],
        columns: [
          { key: "code", header: t("fields.indicator.code"), sortField: "code", cell: (r) => String(r.code) },
          {
            key: "name",
            header: t("fields.common.name"),
            sortField: "name",
            rowHeader: true,
            cell: (r) => <Link to={pathOf("/indicators", r)}>{String(r.name)}</Link>,
          },
          {
            key: "unit",
            header: t("fields.indicator.unit"),
            cell: (r) => labels.value("IndicatorUnit", r.unit as string),
          },
          {
            key: "direction",
            header: t("fields.indicator.direction"),
            cell: (r) => labels.value("IndicatorDirection", r.direction as string),
          },
          { key: "source", header: t("fields.common.source"), cell: (r) => String(r.source ?? "") },
        ],
        exportFields: ["code", "name", "unit", "unitLabel", "direction", "frequency", "source", "iabeSector"],
        exportName: t("export.names.indicators"),
        createPath: perms.create ? "/indicators/new" : undefined,
      }}
    />
  );
}

export const NewIndicatorPage = () => <NewRecordPage entity="indicator" base="/indicators" />;
export const EditIndicatorPage = () => <EditRecordPage entity="indicator" base="/indicators" />;

/** An indicator with its observations: enter one, or paste many from a spreadsheet. */
export function IndicatorPage() {
  const { id } = useParams();
  const _navigate = useNavigate();
  return (
    <WithRecord entity="indicator" id={id}>
      {(indicator) => <IndicatorDetails indicator={indicator} />}
    </WithRecord>
  );
}

function IndicatorDetails({ indicator }: { indicator: AnyRecord }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const perms = usePermissions("indicator", indicator);
  const canAdd = usePermissions("observation").create;
  const [adding, setAdding] = useState(false);
  const observations = useEverything("observation", {
    filters: { indicatorId: indicator.id },
    sort: "-date",
  });
  const items = observations.data ?? [];
  const number = (value: unknown) =>
    typeof value === "number"
      ? value.toLocaleString(locale === "de" ? "de-DE" : "en-GB")
      : String(value ?? "");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/indicators">{t("nav.backToList")}</Link>
      </p>
      <div className="page-header">
        <PageTitle>{recordLabel("indicator", indicator)}</PageTitle>
        <div className="button-row">
          {perms.update ? (
            <Link className="button primary" to={`/indicators/${indicator.id}/edit`}>
              {t("actions.edit")}
            </Link>
          ) : null}
          {perms.remove ? <DeleteButton entity="indicator" record={indicator} /> : null}
        </div>
      </div>
      <section aria-labelledby="indicator-details">
        <h2 id="indicator-details">{t("record.details")}</h2>
        <DetailList entity="indicator" record={indicator} fields={fieldsOf("indicator")} />
      </section>
      <section aria-labelledby="indicator-observations">
        <div className="section-header">
          <h2 id="indicator-observations">{t("indicator.observations")}</h2>
          {canAdd && !adding ? (
            <button type="button" className="button secondary" onClick={() => setAdding(true)}>
              {t("indicator.addObservation")}
            </button>
          ) : null}
        </div>
        {adding ? (
          <div className="subform">
            <h3>{t("indicator.addObservation")}</h3>
            <EntityForm
              entity="observation"
              formId="new-observation"
              defaults={{ indicatorId: indicator.id, date: today(), provisional: false }}
              hidden={["indicatorId"]}
              onSaved={() => setAdding(false)}
              onCancel={() => setAdding(false)}
            />
          </div>
        ) : null}
        {observations.error ? <ProblemAlert error={observations.error} /> : null}
        {observations.isLoading ? <Loading /> : null}
        {observations.data ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t("indicator.observations")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("fields.observation.date")}</th>
                  <th scope="col">{t("fields.observation.periodLabel")}</th>
                  <th scope="col">{t("fields.observation.value")}</th>
                  <th scope="col">{t("fields.observation.areaKey")}</th>
                  <th scope="col">{t("fields.common.source")}</th>
                  <th scope="col">{t("fields.observation.provisional")}</th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 ? (
                  <tr>
                    <td colSpan={6} className="empty">
                      {t("indicator.noObservations")}
                    </td>
                  </tr>
                ) : null}
                {items.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{formatDate(o.date, locale)}</th>
                    <td>{String(o.periodLabel ?? "")}</td>
                    <td className="number">{number(o.value)}</td>
                    <td>{String(o.areaKey ?? "")}</td>
                    <td>{String(o.source ?? "")}</td>
                    <td>{o.provisional ? t("common.yes") : t("common.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {canAdd ? <PasteObservations indicatorId={indicator.id} /> : null}
      </section>
    </>
  );
}

/** A pasted line turned into an observation, with the domain's verdict. */
export interface PastedRow {
  readonly line: number;
  readonly input: Record<string, unknown>;
  readonly errors: readonly FieldProblem[];
}

/** Reads a date as typed in Germany (31.12.2024) or as ISO (2024-12-31). */
export function parseDate(text: string): string {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (german) return `${german[3]}-${german[2]?.padStart(2, "0")}-${german[1]?.padStart(2, "0")}`;
  return trimmed;
}

/**
 * Turns pasted lines (from a spreadsheet: tab-separated; or `;`) into observations:
 * date, value, optionally period label and source. Each row is checked by the domain.
 */
export function parsePastedObservations(text: string, indicatorId: string, locale: "de" | "en"): PastedRow[] {
  const rows: PastedRow[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const cells = raw.split(raw.includes("\t") ? "\t" : ";").map((c) => c.trim());
    const [date = "", value = "", periodLabel = "", source = ""] = cells;
    // A header line ("Datum; Wert") is skipped.
    if (index === 0 && Number.isNaN(Date.parse(parseDate(date))) && typeof parseNumber(value) !== "number")
      return;
    const input: Record<string, unknown> = {
      indicatorId,
      date: parseDate(date),
      value: parseNumber(value),
      ...(periodLabel ? { periodLabel } : {}),
      ...(source ? { source } : {}),
    };
    const checked = validate(entities.observation.Create, input, locale);
    rows.push({ line: index + 1, input, errors: checked.ok ? [] : (checked.error.details ?? []) });
  });
  return rows;
}

function PasteObservations({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [rows, setRows] = useState<PastedRow[]>();
  const [problem, setProblem] = useState<unknown>();
  const [result, setResult] = useState("");
  const [busy, setBusy] = useState(false);
  const bad = rows?.filter((r) => r.errors.length) ?? [];
  const save = async () => {
    if (!rows || bad.length) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const items = rows.map((r) => r.input) as never[];
      const answer = await api.batch("observation", items, false);
      if (!answer.ok) {
        setRows(
          rows.map((row, i) => ({
            ...row,
            errors: answer.results.find((r) => r.index === i)?.errors ?? [],
          })),
        );
        return;
      }
      setResult(t("indicator.pasted", { count: rows.length }));
      setText("");
      setRows(undefined);
      await invalidate(client, "observation");
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="subform">
      <h3>{t("indicator.pasteTitle")}</h3>
      <TextArea
        id="paste-observations"
        label={t("indicator.pasteLabel")}
        hint={t("indicator.pasteHint")}
        rows={6}
        value={text}
        onChange={(v) => {
          setText(v);
          setRows(undefined);
          setResult("");
        }}
      />
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={!text.trim()}
          onClick={() => setRows(parsePastedObservations(text, indicatorId, locale))}
        >
          {t("indicator.check")}
        </button>
        {rows && rows.length > 0 && bad.length === 0 ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
            {t("indicator.saveRows", { count: rows.length })}
          </button>
        ) : null}
      </div>
      <output>{result}</output>
      {problem ? <ProblemAlert error={problem} /> : null}
      {rows ? (
        <table className="data-table compact">
          <caption>{t("indicator.preview", { count: rows.length, bad: bad.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("fields.observation.date")}</th>
              <th scope="col">{t("fields.observation.value")}</th>
              <th scope="col">{t("import.verdict")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line} className={row.errors.length ? "row-invalid" : undefined}>
                <th scope="row">{row.line}</th>
                <td>{String(row.input.date ?? "")}</td>
                <td>{String(row.input.value ?? "")}</td>
                <td>
                  {row.errors.length
                    ? row.errors.map((e) => `${e.path}: ${e.messages?.[locale] ?? e.message}`).join("; ")
                    : t("import.ok")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
