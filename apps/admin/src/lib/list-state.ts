/** The state of a list view: what the URL's search parameters say. */
export interface ListState {
  /** 1-based page number. */
  readonly page: number;
  readonly size: number;
  /** A field, prefixed with `-` for descending order. */
  readonly sort: string;
  readonly q: string;
  /** One value per filter field; several values are comma-separated, as the API takes them. */
  readonly filters: Readonly<Record<string, string>>;
}

/** What a list allows: its filter fields, its default sort and the page sizes offered. */
export interface ListSpec {
  readonly filters: readonly string[];
  readonly defaultSort: string;
  readonly sizes?: readonly number[];
}

/** The page sizes a list offers unless its spec says otherwise. */
export const defaultSizes = [25, 50, 100] as const;

const reserved = new Set(["page", "size", "sort", "q"]);

/** Reads a list's state from URL search parameters; anything unknown or malformed falls back to defaults. */
export function readListState(params: URLSearchParams, spec: ListSpec): ListState {
  const sizes = spec.sizes ?? defaultSizes;
  const page = Number.parseInt(params.get("page") ?? "", 10);
  const size = Number.parseInt(params.get("size") ?? "", 10);
  const sort = params.get("sort") ?? "";
  const filters: Record<string, string> = {};
  for (const field of spec.filters) {
    if (reserved.has(field)) continue;
    const value = params.get(field);
    if (value) filters[field] = value;
  }
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    size: sizes.includes(size) ? size : (sizes[0] ?? 25),
    sort: /^-?[A-Za-z]+$/.test(sort) ? sort : spec.defaultSort,
    q: params.get("q") ?? "",
    filters,
  };
}

/**
 * Writes a list's state into URL search parameters, leaving out defaults so URLs stay short.
 * Parameters that belong to no list (for example a selected tab) are kept.
 */
export function writeListState(state: ListState, spec: ListSpec, base?: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  const owned = new Set([...reserved, ...spec.filters]);
  for (const [key, value] of base ?? []) if (!owned.has(key)) out.append(key, value);
  const sizes = spec.sizes ?? defaultSizes;
  if (state.q.trim()) out.set("q", state.q.trim());
  for (const field of spec.filters) {
    const value = state.filters[field];
    if (value) out.set(field, value);
  }
  if (state.sort && state.sort !== spec.defaultSort) out.set("sort", state.sort);
  if (state.size !== (sizes[0] ?? 25)) out.set("size", String(state.size));
  if (state.page > 1) out.set("page", String(state.page));
  return out;
}

/** A change to a list's state. Changing what is shown (search, filter, sort, size) goes back to page 1. */
export function changeListState(
  state: ListState,
  change: Partial<Omit<ListState, "filters">> & { filters?: Readonly<Record<string, string>> },
): ListState {
  const next: ListState = { ...state, ...change, filters: { ...state.filters, ...(change.filters ?? {}) } };
  const resets =
    (change.q !== undefined && change.q !== state.q) ||
    (change.sort !== undefined && change.sort !== state.sort) ||
    (change.size !== undefined && change.size !== state.size) ||
    (change.filters !== undefined &&
      Object.entries(change.filters).some(([field, value]) => (state.filters[field] ?? "") !== value));
  const filters = Object.fromEntries(Object.entries(next.filters).filter(([, value]) => value !== ""));
  return { ...next, filters, page: resets && change.page === undefined ? 1 : next.page };
}

/** The API query for a list's state. */
export function toListQuery(state: ListState) {
  return {
    limit: state.size,
    offset: (state.page - 1) * state.size,
    sort: state.sort,
    q: state.q,
    filters: state.filters,
  };
}

/** The sort after a click on a column: ascending first, then descending. */
export function toggleSort(current: string, field: string): string {
  return current === field ? `-${field}` : field;
}

/** How a list is sorted by a column: for `aria-sort`. */
export function sortDirection(current: string, field: string): "ascending" | "descending" | "none" {
  if (current === field) return "ascending";
  if (current === `-${field}`) return "descending";
  return "none";
}
