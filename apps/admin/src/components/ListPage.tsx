import { can, type EnumId } from "@oha/domain";
import { type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useEverything, useList } from "../api/hooks.js";
import type { UiEntity } from "../api/http.js";
import type { AnyRecord } from "../api/types.js";
import { useSession } from "../auth/session.js";
import { useLabels } from "../i18n/index.js";
import { defaultSizes, type ListSpec, type ListState, toListQuery } from "../lib/list-state.js";
import { useLookup } from "../lib/lookup.js";
import { deletedPath } from "../lib/paths.js";
import { useListState } from "../lib/use-list-state.js";
import { type Column, DataTable, Pagination } from "./DataTable.js";
import { ExportButtons, useEntityExport } from "./ExportButtons.js";
import { useEnumOptions } from "./Field.js";
import { useFieldLabel } from "./FieldInput.js";
import { PageTitle } from "./PageTitle.js";
import { Loading, ProblemAlert } from "./ProblemAlert.js";
import { DeletedBanner } from "./RecordParts.js";

/** A filter of a list: by an enum, a referenced record, a yes/no field, or a typed value. */
export type ListFilter =
  | { readonly field: string; readonly kind: "enum"; readonly enumId: EnumId }
  | { readonly field: string; readonly kind: "ref"; readonly ref: UiEntity }
  | { readonly field: string; readonly kind: "boolean" }
  | { readonly field: string; readonly kind: "number" | "date"; readonly label: string };

/** Criteria the API cannot filter by: applied in the browser to every matching record. */
export interface LocalFilter {
  readonly fields: readonly string[];
  readonly test: (state: ListState, record: AnyRecord) => boolean;
}

/** Everything a list page needs to know. */
export interface ListConfig {
  readonly entity: UiEntity;
  readonly title: string;
  readonly columns: readonly Column<AnyRecord>[];
  readonly filters: readonly ListFilter[];
  readonly defaultSort: string;
  readonly exportFields: readonly string[];
  readonly exportName: string;
  readonly createPath?: string | undefined;
  readonly createLabel?: string | undefined;
  readonly local?: LocalFilter | undefined;
  readonly intro?: ReactNode;
}

function FilterControl({
  filter,
  value,
  onChange,
  entity,
}: {
  filter: ListFilter;
  value: string;
  onChange: (value: string) => void;
  entity: UiEntity;
}) {
  const { t } = useTranslation();
  const id = useId();
  const labelOf = useFieldLabel(entity);
  const enumOptions = useEnumOptions(filter.kind === "enum" ? filter.enumId : "ActorKind");
  const lookup = useLookup(filter.kind === "ref" ? filter.ref : "actor", filter.kind === "ref");
  const label = filter.kind === "number" || filter.kind === "date" ? filter.label : labelOf(filter.field);
  let control: ReactNode;
  if (filter.kind === "number" || filter.kind === "date") {
    control = (
      <input
        id={id}
        type={filter.kind === "date" ? "date" : "text"}
        inputMode={filter.kind === "number" ? "numeric" : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    const options =
      filter.kind === "enum"
        ? enumOptions
        : filter.kind === "ref"
          ? (lookup.data?.options ?? []).map((o) => ({ value: o.id, label: o.label }))
          : [
              { value: "true", label: t("common.yes") },
              { value: "false", label: t("common.no") },
            ];
    control = (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("list.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
}

/**
 * A list of records: search, filters, sortable columns, pages and export, all kept in the URL.
 * The API pages the list, so 10,000 measures load one page at a time; criteria the API cannot
 * filter by are applied in the browser to the records matching the others.
 */
export function ListPage({ config }: { config: ListConfig }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const localFields = config.local?.fields ?? [];
  const { principal } = useSession();
  const perms = { remove: principal ? can(principal, "delete", config.entity) : false };
  const spec: ListSpec = {
    filters: [...config.filters.map((f) => f.field)],
    defaultSort: config.defaultSort,
    sizes: defaultSizes,
  };
  const [state, change] = useListState(spec);
  const [search, setSearch] = useState(state.q);
  const searchId = useId();

  useEffect(() => setSearch(state.q), [state.q]);
  useEffect(() => {
    if (search === state.q) return;
    const timer = setTimeout(() => change({ q: search }, { replace: true }), 350);
    return () => clearTimeout(timer);
  }, [search, state.q, change]);

  const serverFilters = Object.fromEntries(
    Object.entries(state.filters).filter(([field]) => !localFields.includes(field)),
  );
  const localActive = localFields.some((field) => state.filters[field]);
  const query = { ...toListQuery(state), filters: serverFilters };
  const paged = useList(config.entity, query, !localActive);
  const { limit: _limit, offset: _offset, ...everythingQuery } = query;
  const everything = useEverything(config.entity, everythingQuery, localActive);

  const produce = useEntityExport(
    config.entity,
    everythingQuery,
    config.exportFields,
    localActive && config.local ? (r) => config.local?.test(state, r) ?? true : undefined,
  );

  let rows: AnyRecord[] = [];
  let total = 0;
  const source = localActive ? everything : paged;
  if (localActive && everything.data) {
    const matching = everything.data.filter((r) => config.local?.test(state, r));
    total = matching.length;
    rows = matching.slice((state.page - 1) * state.size, state.page * state.size);
  } else if (paged.data) {
    rows = paged.data.items;
    total = paged.data.total;
  }
  const activeFilters = Object.keys(state.filters).length + (state.q ? 1 : 0);

  return (
    <>
      <div className="page-header">
        <PageTitle>{config.title}</PageTitle>
        <div className="button-row">
          {config.createPath ? (
            <Link className="button primary" to={config.createPath}>
              {config.createLabel ?? t("actions.new", { entity: labels.entity(config.entity) })}
            </Link>
          ) : null}
          {perms.remove ? (
            <Link className="button secondary" to={deletedPath(config.entity)}>
              {t("record.recentlyDeleted")}
            </Link>
          ) : null}
        </div>
      </div>
      <DeletedBanner entity={config.entity} />
      {config.intro}
      <section className="toolbar" aria-label={t("list.filters")}>
        <search className="search">
          <label htmlFor={searchId}>{t("list.search")}</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </search>
        <div className="filters">
          {config.filters.map((filter) => (
            <FilterControl
              key={filter.field}
              entity={config.entity}
              filter={filter}
              value={state.filters[filter.field] ?? ""}
              onChange={(value) => change({ filters: { [filter.field]: value } })}
            />
          ))}
        </div>
        {activeFilters ? (
          <button
            type="button"
            className="button link"
            onClick={() => {
              setSearch("");
              change({ q: "", filters: Object.fromEntries(Object.keys(state.filters).map((k) => [k, ""])) });
            }}
          >
            {t("list.reset")}
          </button>
        ) : null}
      </section>
      {source.error ? <ProblemAlert error={source.error} onRetry={() => void source.refetch()} /> : null}
      {source.isLoading ? <Loading /> : null}
      {source.data ? (
        <>
          <DataTable
            caption={t("list.caption", { title: config.title, total })}
            columns={config.columns}
            rows={rows}
            sort={state.sort}
            onSort={(sort) => change({ sort })}
            busy={source.isFetching}
          />
          <Pagination
            page={state.page}
            size={state.size}
            total={total}
            sizes={defaultSizes}
            onPage={(page) => change({ page })}
            onSize={(size) => change({ size })}
          />
        </>
      ) : null}
      <ExportButtons id={config.entity} filename={config.exportName} produce={produce} />
    </>
  );
}
