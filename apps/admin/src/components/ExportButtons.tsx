import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/context.js";
import { fetchAll } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord, ListQuery } from "../api/types.js";
import { formatValue, specOf, useFormatContext } from "../lib/display.js";
import { type Cell, download, toCsv, toXlsx } from "../lib/spreadsheet.js";
import { useFieldLabel } from "./FieldInput.js";
import { ProblemAlert } from "./ProblemAlert.js";

/** A table to export: column titles and rows. */
export interface ExportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** Offers a list as CSV and Excel download; `produce` builds the whole table when asked. */
export function ExportButtons({
  filename,
  produce,
  id,
}: {
  filename: string;
  produce: () => Promise<ExportTable>;
  id: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState("");

  const run = async (format: "csv" | "xlsx") => {
    setBusy(true);
    setError(undefined);
    setDone("");
    try {
      const { header, rows } = await produce();
      const stamp = new Date().toISOString().slice(0, 10);
      if (format === "csv") download(`${filename}-${stamp}.csv`, toCsv(header, rows));
      else download(`${filename}-${stamp}.xlsx`, await toXlsx(filename, header, rows));
      setDone(t("export.done", { count: rows.length }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="export" id={`export-${id}`}>
      <legend className="export-label">{t("export.label")}</legend>
      <div className="button-row">
        <button type="button" className="button secondary" disabled={busy} onClick={() => run("csv")}>
          {t("export.csv")}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => run("xlsx")}>
          {t("export.xlsx")}
        </button>
      </div>
      <output className="muted small">{busy ? t("export.busy") : done}</output>
      {error ? <ProblemAlert error={error} /> : null}
    </fieldset>
  );
}

/**
 * Builds the export of an entity's list: every record matching the list's filter and sort (not
 * only the page on screen), written as people read it (labels, names, dates).
 */
export function useEntityExport(
  entity: UiEntity,
  query: ListQuery,
  fields: readonly string[],
  filter?: (record: AnyRecord) => boolean,
): () => Promise<ExportTable> {
  const api = useApi();
  const ctx = useFormatContext();
  const labelOf = useFieldLabel(entity);
  return async () => {
    const all: AnyRecord[] = await fetchAll(api, entity, query);
    const records = filter ? all.filter(filter) : all;
    return {
      header: ["ID", ...fields.map((field) => labelOf(field))],
      rows: records.map((record) => [
        record.id,
        ...fields.map((field) => {
          const value = record[field];
          return typeof value === "number" ? value : formatValue(specOf(entity, field), value, ctx);
        }),
      ]),
    };
  };
}
