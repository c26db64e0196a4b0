import { useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../api/context.js";
import { invalidate } from "../api/hooks.js";
import type { BatchResult } from "../api/types.js";
import { useFieldLabel } from "../components/FieldInput.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { de } from "../i18n/de.js";
import { en } from "../i18n/en.js";
import { useLabels, useLocale } from "../i18n/index.js";
import {
  type CsvTable,
  guessMapping,
  type ImportEntity,
  type ImportRow,
  importEntities,
  importFields,
  parseCsv,
  prepareRows,
} from "../lib/csv-import.js";
import { isRequired } from "../lib/forms.js";
import { useLookup } from "../lib/lookup.js";
import { readText } from "../lib/read-text.js";
import { usePermissions } from "./generic.js";

const listPath: Record<ImportEntity, string> = {
  actor: "/actors",
  contact: "/contacts",
  measure: "/measures",
};

function fieldLabels(entity: ImportEntity, field: string): string[] {
  const [top, sub] = field.split(".");
  const pick = (resource: typeof de | typeof en) => {
    const fields: Readonly<Record<string, Readonly<Record<string, string>> | undefined>> = resource.fields;
    const key = sub ?? top ?? field;
    return fields[entity]?.[key] ?? fields.common?.[key];
  };
  return [pick(de), pick(en)].filter((v): v is string => Boolean(v));
}

/**
 * CSV import of actors, contacts and measures: map the columns, see every bad row and why,
 * run a dry run on the server, then write. Bad rows are never written.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const api = useApi();
  const client = useQueryClient();
  const fileId = useId();
  const [entity, setEntity] = useState<ImportEntity>("actor");
  const [table, setTable] = useState<CsvTable>();
  const [fileName, setFileName] = useState("");
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<{ result: BatchResult; count: number; key: string }>();
  const [written, setWritten] = useState<number>();
  const [serverRows, setServerRows] = useState<Record<number, ImportRow["errors"]>>({});
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const actors = useLookup("actor");
  const allowed = usePermissions(entity).create;
  const labelOf = useFieldLabel(entity);
  const fields = importFields(entity);

  const actorIdByName = useMemo(() => {
    const map = new Map<string, string>();
    for (const option of actors.data?.options ?? []) {
      map.set(option.label.toLowerCase(), option.id);
      const short = option.record.shortName;
      if (typeof short === "string") map.set(short.toLowerCase(), option.id);
    }
    return map;
  }, [actors.data]);

  const rows = useMemo(
    () => (table ? prepareRows(entity, table, mapping, { actorIdByName }, locale) : []),
    [entity, table, mapping, actorIdByName, locale],
  );
  const withServer = rows.map((row, index) => ({
    ...row,
    errors: row.errors.length ? row.errors : (serverRows[index] ?? []),
  }));
  const bad = withServer.filter((row) => row.errors.length);
  const good = withServer.filter((row) => !row.errors.length);
  const goodKey = JSON.stringify(good.map((r) => r.input));

  const reset = () => {
    setDryRun(undefined);
    setWritten(undefined);
    setServerRows({});
    setProblem(undefined);
  };

  const load = (text: string, name: string) => {
    const parsed = parseCsv(text);
    setTable(parsed);
    setFileName(name);
    setMapping(
      guessMapping(importFields(entity), parsed.columns, (f) => [
        labelOf(f.split(".").at(-1) ?? f),
        ...fieldLabels(entity, f),
      ]),
    );
    reset();
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) load(await readText(file), file.name);
  };

  const send = async (dry: boolean) => {
    setBusy(true);
    setProblem(undefined);
    const items = good.map((row) => row.input);
    const indexes = withServer.map((row, i) => (row.errors.length ? -1 : i)).filter((i) => i >= 0);
    try {
      const result = await api.batch(entity, items as never[], dry);
      if (!result.ok) {
        // The server found problems the browser could not see (for example unknown references).
        const next: Record<number, ImportRow["errors"]> = { ...serverRows };
        for (const r of result.results) {
          const rowIndex = indexes[r.index];
          if (!r.ok && rowIndex !== undefined) next[rowIndex] = r.errors ?? [];
        }
        setServerRows(next);
        setDryRun(undefined);
        return;
      }
      if (dry) setDryRun({ result, count: items.length, key: goodKey });
      else {
        setWritten(items.length);
        setDryRun(undefined);
        await invalidate(client, entity);
      }
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const dryRunCurrent = dryRun && dryRun.key === goodKey;

  return (
    <>
      <PageTitle>{t("import.title")}</PageTitle>
      <p className="hint">{t("import.intro")}</p>
      <section aria-labelledby="import-step-1" className="step">
        <h2 id="import-step-1">{t("import.step1")}</h2>
        <fieldset className="field">
          <legend>{t("import.what")}</legend>
          <div className="radio-row">
            {importEntities.map((name) => (
              <label key={name} className="radio">
                <input
                  type="radio"
                  name="import-entity"
                  checked={entity === name}
                  onChange={() => {
                    setEntity(name);
                    setTable(undefined);
                    setMapping({});
                    reset();
                  }}
                />
                <span>{labels.entity(name, true)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={fileId}>{t("import.file")}</label>
          <p className="hint" id={`${fileId}-hint`}>
            {t("import.fileHint")}
          </p>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-hint`}
            onChange={onFile}
          />
        </div>
        {!allowed ? (
          <p className="alert alert-error" role="alert">
            {t("import.notAllowed")}
          </p>
        ) : null}
      </section>
      {table ? (
        <section aria-labelledby="import-step-2" className="step">
          <h2 id="import-step-2">{t("import.step2")}</h2>
          <p>
            {t("import.found", { name: fileName, rows: table.rows.length, columns: table.columns.length })}
          </p>
          <table className="data-table compact mapping">
            <caption>{t("import.mappingCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("import.field")}</th>
                <th scope="col">{t("import.column")}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((spec) => {
                const [top, sub] = spec.name.split(".");
                const label = sub
                  ? `${labelOf(top ?? "")}: ${t(`fields.common.${sub}`)}`
                  : labelOf(spec.name);
                const required = !sub && isRequired(entity, spec.name);
                const id = `map-${spec.name.replace(".", "-")}`;
                return (
                  <tr key={spec.name}>
                    <th scope="row">
                      <label htmlFor={id}>
                        {label}
                        {required ? <span className="required"> ({t("form.required")})</span> : null}
                      </label>
                    </th>
                    <td>
                      <select
                        id={id}
                        value={mapping[spec.name] ?? ""}
                        onChange={(e) => {
                          const value = e.target.value;
                          setMapping((m) => {
                            const next = { ...m };
                            if (value) next[spec.name] = value;
                            else delete next[spec.name];
                            return next;
                          });
                          reset();
                        }}
                      >
                        <option value="">{t("import.skip")}</option>
                        {table.columns.map((c) => (
                          <option key={c} value={c}>
                            {c}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      {table ? (
        <section aria-labelledby="import-step-3" className="step">
          <h2 id="import-step-3">{t("import.step3")}</h2>
          <output className={bad.length ? "summary-bad" : "summary-good"}>
            {t("import.summary", { total: rows.length, good: good.length, bad: bad.length })}
          </output>
          {bad.length ? (
            <table className="data-table compact bad-rows">
              <caption>{t("import.badRows", { count: bad.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("import.line")}</th>
                  <th scope="col">{t("import.why")}</th>
                </tr>
              </thead>
              <tbody>
                {bad.map((row) => (
                  <tr key={row.line} className="row-invalid">
                    <th scope="row">{row.line}</th>
                    <td>
                      <ul className="plain-list">
                        {row.errors.map((e) => (
                          <li key={`${e.path}-${e.code}`}>
                            <strong>
                              {e.path ? labelOf(e.path.split(".")[0] ?? e.path) : t("import.row")}:
                            </strong>{" "}
                            {e.messages?.[locale] ?? e.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {bad.length ? <p className="hint">{t("import.badNotWritten")}</p> : null}
          <div className="button-row">
            <button
              type="button"
              className="button secondary"
              disabled={busy || !allowed || good.length === 0}
              onClick={() => void send(true)}
            >
              {t("import.dryRun", { count: good.length })}
            </button>
            <button
              type="button"
              className="button primary"
              disabled={busy || !allowed || !dryRunCurrent}
              onClick={() => void send(false)}
            >
              {t("import.write", { count: good.length })}
            </button>
          </div>
          {!dryRunCurrent && good.length > 0 ? <p className="hint">{t("import.dryRunFirst")}</p> : null}
          <output>
            {dryRunCurrent ? (
              <p className="alert alert-success">{t("import.dryRunOk", { count: dryRun.count })}</p>
            ) : null}
            {written !== undefined ? (
              <p className="alert alert-success">
                {t("import.written", { count: written })}{" "}
                <Link to={listPath[entity]}>{t("import.toList", { list: labels.entity(entity, true) })}</Link>
              </p>
            ) : null}
          </output>
          {problem ? <ProblemAlert error={problem} /> : null}
        </section>
      ) : null}
    </>
  );
}
