import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useEverything } from "../api/hooks.js";
import type { AnyRecord } from "../api/types.js";
import { type Column, DataTable, Pagination } from "../components/DataTable.js";
import { ExportButtons } from "../components/ExportButtons.js";
import { useEnumOptions } from "../components/Field.js";
import { PageTitle } from "../components/PageTitle.js";
import { Loading, ProblemAlert } from "../components/ProblemAlert.js";
import { formatDate, useLabels, useLocale } from "../i18n/index.js";
import { today } from "../lib/forms.js";
import { defaultSizes } from "../lib/list-state.js";
import { useRecordName } from "../lib/lookup.js";
import { useListState } from "../lib/use-list-state.js";

/** An action item with the meeting it was agreed in. */
export interface OpenItem {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly due?: string;
  readonly ownerContactId?: string;
  readonly ownerActorId?: string;
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly meetingStart: string;
}

const openStatuses = ["open", "in_progress"];

/** The open action items of all meetings (status open or in progress), by due date, undated last. */
export function openActionItems(meetings: readonly AnyRecord[]): OpenItem[] {
  const items: OpenItem[] = [];
  for (const meeting of meetings) {
    for (const item of (meeting.actionItems as Record<string, string>[] | undefined) ?? []) {
      if (!openStatuses.includes(item.status ?? "open")) continue;
      items.push({
        id: `${meeting.id}/${item.id}`,
        title: item.title ?? "",
        status: item.status ?? "open",
        ...(item.due ? { due: item.due } : {}),
        ...(item.ownerContactId ? { ownerContactId: item.ownerContactId } : {}),
        ...(item.ownerActorId ? { ownerActorId: item.ownerActorId } : {}),
        meetingId: meeting.id,
        meetingTitle: String(meeting.title ?? ""),
        meetingStart: String(meeting.start ?? ""),
      });
    }
  }
  return items;
}

function compare(sort: string) {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as keyof OpenItem;
  return (a: OpenItem, b: OpenItem) => {
    const x = a[field] ?? "";
    const y = b[field] ?? "";
    // Items without a due date come last whichever way the list is sorted.
    if (field === "due" && (!x || !y)) return x ? -1 : y ? 1 : 0;
    return (desc ? -1 : 1) * String(x).localeCompare(String(y), "de");
  };
}

/** The list of open action items across meetings. */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLocale();
  const contactName = useRecordName("contact");
  const actorName = useRecordName("actor");
  const statusOptions = useEnumOptions("ActionItemStatus").filter((o) => openStatuses.includes(o.value));
  const [state, change] = useListState({
    filters: ["status", "overdue"],
    defaultSort: "due",
    sizes: defaultSizes,
  });
  const meetings = useEverything("meeting", { fields: ["title", "start", "actionItems"] });
  const day = today();
  const all = openActionItems(meetings.data ?? []);
  const q = state.q.trim().toLowerCase();
  const matching = all
    .filter((item) => !state.filters.status || item.status === state.filters.status)
    .filter((item) => state.filters.overdue !== "true" || (item.due !== undefined && item.due < day))
    .filter(
      (item) => !q || item.title.toLowerCase().includes(q) || item.meetingTitle.toLowerCase().includes(q),
    )
    .sort(compare(state.sort));
  const rows = matching.slice((state.page - 1) * state.size, state.page * state.size);
  const owner = (item: OpenItem) =>
    [
      item.ownerContactId ? contactName(item.ownerContactId) : "",
      item.ownerActorId ? actorName(item.ownerActorId) : "",
    ]
      .filter(Boolean)
      .join(", ");
  const columns: Column<OpenItem>[] = [
    {
      key: "title",
      header: t("meeting.actionTitle"),
      sortField: "title",
      rowHeader: true,
      cell: (r) => r.title,
    },
    { key: "owner", header: t("meeting.owner"), cell: (r) => owner(r) || "—" },
    {
      key: "due",
      header: t("meeting.due"),
      sortField: "due",
      cell: (r) =>
        r.due ? (
          <span className={r.due < day ? "overdue" : undefined}>
            {formatDate(r.due, locale)}
            {r.due < day ? ` (${t("actionItems.overdue")})` : ""}
          </span>
        ) : (
          "—"
        ),
    },
    {
      key: "status",
      header: t("fields.common.status"),
      sortField: "status",
      cell: (r) => labels.value("ActionItemStatus", r.status),
    },
    {
      key: "meeting",
      header: labels.entity("meeting"),
      sortField: "meetingStart",
      cell: (r) => (
        <Link to={`/meetings/${r.meetingId}`}>
          {r.meetingTitle} ({formatDate(r.meetingStart, locale)})
        </Link>
      ),
    },
  ];
  return (
    <>
      <PageTitle>{t("nav.actionItems")}</PageTitle>
      <p className="hint">{t("actionItems.intro")}</p>
      <section className="toolbar" aria-label={t("list.filters")}>
        <search className="search">
          <label htmlFor="action-search">{t("list.search")}</label>
          <input
            id="action-search"
            type="search"
            defaultValue={state.q}
            onChange={(e) => change({ q: e.target.value }, { replace: true })}
          />
        </search>
        <div className="filters">
          <div className="filter">
            <label htmlFor="action-status">{t("fields.common.status")}</label>
            <select
              id="action-status"
              value={state.filters.status ?? ""}
              onChange={(e) => change({ filters: { status: e.target.value } })}
            >
              <option value="">{t("actionItems.allOpen")}</option>
              {statusOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="filter">
            <label className="checkbox" htmlFor="action-overdue">
              <input
                id="action-overdue"
                type="checkbox"
                checked={state.filters.overdue === "true"}
                onChange={(e) => change({ filters: { overdue: e.target.checked ? "true" : "" } })}
              />
              <span>{t("actionItems.onlyOverdue")}</span>
            </label>
          </div>
        </div>
      </section>
      {meetings.error ? (
        <ProblemAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : null}
      {meetings.isLoading ? <Loading /> : null}
      {meetings.data ? (
        <>
          <DataTable
            caption={t("list.caption", { title: t("nav.actionItems"), total: matching.length })}
            columns={columns}
            rows={rows}
            sort={state.sort}
            onSort={(sort) => change({ sort })}
            empty={t("actionItems.none")}
          />
          <Pagination
            page={state.page}
            size={state.size}
            total={matching.length}
            sizes={defaultSizes}
            onPage={(page) => change({ page })}
            onSize={(size) => change({ size })}
          />
        </>
      ) : null}
      <ExportButtons
        id="action-items"
        filename={t("export.names.actionItems")}
        produce={async () => ({
          header: [
            t("meeting.actionTitle"),
            t("meeting.owner"),
            t("meeting.due"),
            t("fields.common.status"),
            labels.entity("meeting"),
            t("fields.meeting.start"),
          ],
          rows: matching.map((r) => [
            r.title,
            owner(r),
            r.due ?? "",
            labels.value("ActionItemStatus", r.status),
            r.meetingTitle,
            formatDate(r.meetingStart, locale),
          ]),
        })}
      />
    </>
  );
}
