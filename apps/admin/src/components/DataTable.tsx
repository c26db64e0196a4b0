import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { sortDirection, toggleSort } from "../lib/list-state.js";

/** A column of a {@link DataTable}. */
export interface Column<T> {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** The field the API sorts by when the column header is chosen. */
  readonly sortField?: string;
  /** The first column names the row (a row header for screen readers). */
  readonly rowHeader?: boolean;
}

/**
 * A table with a caption and sortable column headers (buttons with `aria-sort` on the header
 * cell, so keyboard and screen-reader users sort the same way as everyone else).
 */
export function DataTable<T extends { id: string }>({
  caption,
  columns,
  rows,
  sort,
  onSort,
  empty,
  busy,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  sort?: string;
  onSort?: (sort: string) => void;
  empty?: string;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table" aria-busy={busy || undefined}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const direction =
                column.sortField && sort !== undefined ? sortDirection(sort, column.sortField) : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={direction && direction !== "none" ? direction : undefined}
                >
                  {column.sortField && onSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSort(toggleSort(sort ?? "", column.sortField ?? column.key))}
                    >
                      {column.header}
                      <span aria-hidden="true" className="sort-mark">
                        {direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : " ↕"}
                      </span>
                      <span className="visually-hidden">
                        {direction === "ascending"
                          ? t("list.sortedAscending")
                          : direction === "descending"
                            ? t("list.sortedDescending")
                            : t("list.sortable")}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty ?? t("list.empty")}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row">
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key}>{column.cell(row)}</td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Page navigation: previous, next, the position in words and the page size. */
export function Pagination({
  page,
  size,
  total,
  sizes,
  onPage,
  onSize,
}: {
  page: number;
  size: number;
  total: number;
  sizes: readonly number[];
  onPage: (page: number) => void;
  onSize: (size: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return (
    <nav className="pagination" aria-label={t("list.pagination")}>
      <p className="pagination-status" aria-live="polite">
        {t("list.range", { first, last, total })} · {t("list.page", { page, pages })}
      </p>
      <div className="pagination-controls">
        <button type="button" className="button secondary" disabled={page <= 1} onClick={() => onPage(1)}>
          {t("list.first")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t("list.previous")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t("list.next")}
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={page >= pages}
          onClick={() => onPage(pages)}
        >
          {t("list.last")}
        </button>
        <label className="inline-label">
          {t("list.pageSize")}{" "}
          <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
    </nav>
  );
}
