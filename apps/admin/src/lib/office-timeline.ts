import type { CoordinationOffice } from "@oha/domain";

/** One line of the office's history: a phase of placement or staffing, or a milestone. */
export type TimelineEntry =
  | {
      readonly kind: "placement";
      readonly from: string;
      readonly to: string | null;
      readonly title: string;
      readonly unitKind: CoordinationOffice["placements"][number]["unitKind"];
    }
  | {
      readonly kind: "staffing";
      readonly from: string;
      readonly to: string | null;
      readonly title: string;
      readonly posts: number;
      readonly funding: CoordinationOffice["staffing"][number]["funding"];
    }
  | {
      readonly kind: "milestone";
      readonly from: string;
      readonly to?: undefined;
      readonly title: string;
      readonly milestoneKind: CoordinationOffice["milestones"][number]["kind"];
    };

const order = { placement: 0, staffing: 1, milestone: 2 } as const;

/**
 * The office's placements, staffing periods and milestones as one list in date order, for
 * showing its history as a timeline (phases carry their end; an open phase has `to: null`).
 */
export function officeTimeline(
  office: Pick<CoordinationOffice, "placements" | "staffing" | "milestones">,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...office.placements.map(
      (p): TimelineEntry => ({
        kind: "placement",
        from: p.from,
        to: p.to ?? null,
        title: p.unitName,
        unitKind: p.unitKind,
      }),
    ),
    ...office.staffing.map(
      (s): TimelineEntry => ({
        kind: "staffing",
        from: s.from,
        to: s.to ?? null,
        title: `${s.posts}`,
        posts: s.posts,
        funding: s.funding,
      }),
    ),
    ...office.milestones.map(
      (m): TimelineEntry => ({ kind: "milestone", from: m.date, title: m.title, milestoneKind: m.kind }),
    ),
  ];
  return entries.sort((a, b) => a.from.localeCompare(b.from) || order[a.kind] - order[b.kind]);
}
