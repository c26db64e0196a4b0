import { can } from "@oha/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../api/context.js";
import type { TransferImportResult, TransferItem } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { PageTitle } from "../components/PageTitle.js";
import { ProblemAlert } from "../components/ProblemAlert.js";
import { useLocale } from "../i18n/index.js";
import { readText } from "../lib/read-text.js";
import { download } from "../lib/spreadsheet.js";

/** A value of a changed field, short enough for a table cell. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** The package a file holds, or why it holds none. */
type Loaded =
  | { readonly name: string; readonly pkg: unknown }
  | { readonly name: string; readonly error: string };

/** The open-data endpoints of the district, as absolute URLs. */
function openEndpoints(tenantId: string) {
  const origin = window.location.origin;
  const region = encodeURIComponent(tenantId);
  return {
    oparl: `${origin}/oparl/v1.1/regions/${region}`,
    hsds: `${origin}/hsds/v3/regions/${region}/services`,
    docs: `${origin}/docs`,
  };
}

/**
 * Sharing with other districts and systems: the district's transfer package (standards, practice
 * guide, agreement template, questionnaire) out; another district's package in, after a comparison
 * that shows what is new, changed or identical and lets the coordinator choose; and the district's
 * OParl and HSDS endpoints.
 */
export function TransferPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { me, principal } = useSession();
  const locale = useLocale();
  const fileId = useId();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [preview, setPreview] = useState<TransferImportResult | undefined>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [written, setWritten] = useState<TransferImportResult | undefined>();
  const mayImport = principal ? can(principal, "import", "tenant") : false;

  const exported = useMutation({
    mutationFn: () => api.exportTransfer(),
    onSuccess: (file) =>
      download(
        t("transfer.fileName", { date: new Date().toISOString().slice(0, 10) }),
        file,
        "application/json",
      ),
  });
  const compare = useMutation({
    mutationFn: (pkg: unknown) => api.importTransfer(pkg, { dryRun: true }),
    onSuccess: (result) => {
      setPreview(result);
      setChosen(new Set(result.items.filter((i) => i.take).map((i) => i.ref)));
    },
  });
  const take = useMutation({
    mutationFn: (input: { pkg: unknown; refs: readonly string[] }) =>
      api.importTransfer(input.pkg, { dryRun: false, take: input.refs }),
    onSuccess: (result) => {
      setWritten(result);
      setPreview(undefined);
    },
  });

  const onFile = async (file: File | undefined) => {
    setPreview(undefined);
    setWritten(undefined);
    compare.reset();
    take.reset();
    if (!file) return setLoaded(undefined);
    const text = await readText(file);
    try {
      const pkg: unknown = JSON.parse(text);
      setLoaded({ name: file.name, pkg });
      compare.mutate(pkg);
    } catch (cause) {
      setLoaded({ name: file.name, error: cause instanceof Error ? cause.message : String(cause) });
    }
  };
  const toggle = (item: TransferItem, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(item.ref);
    else next.delete(item.ref);
    setChosen(next);
  };
  const endpoints = me ? openEndpoints(me.tenant.id) : undefined;
  const statusText = (item: TransferItem) => t(`transfer.status.${item.status}`);

  return (
    <>
      <PageTitle>{t("transfer.title")}</PageTitle>
      <p className="lead">{t("transfer.intro")}</p>

      <section aria-labelledby="transfer-export" className="meeting-section">
        <h2 id="transfer-export">{t("transfer.export")}</h2>
        <p>{t("transfer.exportExplain")}</p>
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={exported.isPending}
            onClick={() => exported.mutate()}
          >
            {t("transfer.download")}
          </button>
        </div>
        <output className="muted">{exported.isSuccess ? t("transfer.downloaded") : ""}</output>
        {exported.error ? <ProblemAlert error={exported.error} /> : null}
      </section>

      {mayImport ? (
        <section aria-labelledby="transfer-import" className="meeting-section">
          <h2 id="transfer-import">{t("transfer.import")}</h2>
          <p>{t("transfer.importExplain")}</p>
          <div className="field">
            <label htmlFor={fileId}>{t("transfer.file")}</label>
            <input
              id={fileId}
              type="file"
              accept=".json,application/json"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </div>
          {loaded && "error" in loaded ? (
            <div role="alert" className="alert alert-error">
              <p>{t("transfer.notJson", { file: loaded.name, reason: loaded.error })}</p>
            </div>
          ) : null}
          {compare.isPending ? <p className="muted">{t("transfer.comparing")}</p> : null}
          {compare.error ? <ProblemAlert error={compare.error} /> : null}
          {preview && loaded && "pkg" in loaded ? (
            <>
              <p>
                <output>
                  {t("transfer.summary", {
                    new: preview.summary.new,
                    changed: preview.summary.changed,
                    identical: preview.summary.identical,
                  })}
                </output>
              </p>
              <div className="table-wrap">
                <table className="data-table">
                  <caption>{t("transfer.tableCaption", { file: loaded.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("transfer.take")}</th>
                      <th scope="col">{t("transfer.kindColumn")}</th>
                      <th scope="col">{t("transfer.titleColumn")}</th>
                      <th scope="col">{t("transfer.statusColumn")}</th>
                      <th scope="col">{t("transfer.changesColumn")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.items.map((item) => (
                      <tr key={item.ref}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={t("transfer.takeItem", { title: item.title })}
                            checked={chosen.has(item.ref)}
                            disabled={item.status === "identical"}
                            onChange={(e) => toggle(item, e.target.checked)}
                          />
                        </td>
                        <td>{t(`transfer.kind.${item.kind}`)}</td>
                        <th scope="row">{item.title}</th>
                        <td>{statusText(item)}</td>
                        <td>
                          {item.changes.length === 0 ? (
                            "–"
                          ) : (
                            <ul className="plain-list">
                              {item.changes.map((change) => (
                                <li key={change.field}>
                                  <strong>{change.field}</strong>: {shown(change.before)} →{" "}
                                  {shown(change.after)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {preview.warnings.length > 0 ? (
                <ul className="plain-list" aria-label={t("transfer.warnings")}>
                  {preview.warnings.map((w) => (
                    <li key={`${w.ref}:${w.message.de}`}>{w.message[locale]}</li>
                  ))}
                </ul>
              ) : null}
              <div className="button-row">
                <button
                  type="button"
                  className="button primary"
                  disabled={chosen.size === 0 || take.isPending}
                  onClick={() => take.mutate({ pkg: loaded.pkg, refs: [...chosen] })}
                >
                  {t("transfer.takeChosen", { count: chosen.size })}
                </button>
              </div>
            </>
          ) : null}
          {take.error ? <ProblemAlert error={take.error} /> : null}
          {written ? (
            <p className="alert alert-success">
              <output>
                {t("transfer.written", {
                  created: written.summary.created,
                  updated: written.summary.updated,
                })}
              </output>
            </p>
          ) : null}
        </section>
      ) : null}

      {endpoints ? (
        <section aria-labelledby="transfer-open" className="meeting-section">
          <h2 id="transfer-open">{t("transfer.open")}</h2>
          <p>{t("transfer.openExplain")}</p>
          <dl className="details">
            <dt>{t("transfer.oparl")}</dt>
            <dd>
              <a href={endpoints.oparl}>{endpoints.oparl}</a>
            </dd>
            <dt>{t("transfer.hsds")}</dt>
            <dd>
              <a href={endpoints.hsds}>{endpoints.hsds}</a>
            </dd>
            <dt>{t("transfer.docs")}</dt>
            <dd>
              <a href={endpoints.docs}>{endpoints.docs}</a>
            </dd>
          </dl>
        </section>
      ) : null}
    </>
  );
}
