import { can, type Principal } from "@oha/domain";
import { type ComponentType, lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { Loading } from "./components/ProblemAlert.js";
import type { ResourceGroup } from "./resources.js";

/**
 * A page of an analysis (not of one entity): its path, its navigation group and title, and who
 * may open it. The pages load on first visit, so the first page's JavaScript stays small.
 */
export interface AnalysisPage {
  readonly path: string;
  readonly group: ResourceGroup;
  /** The key of its title in the UI strings (also the navigation label). */
  readonly titleKey: "overlaps.title" | "coverage.title";
  /** Whether someone may open it: the API's analytics answer whoever may read measures. */
  readonly may: (principal: Principal) => boolean;
  readonly Page: ComponentType;
}

const readsMeasures = (principal: Principal) => can(principal, "read", "measure");

/** The analyses of the offers: redundant offers to review, coverage and gaps, realisation. */
export const analysisPages: readonly AnalysisPage[] = [
  {
    path: "/offers/overlaps",
    group: "offers",
    titleKey: "overlaps.title",
    may: readsMeasures,
    Page: lazy(() => import("./pages/overlaps.js").then((m) => ({ default: m.OverlapsPage }))),
  },
  {
    path: "/offers/coverage",
    group: "offers",
    titleKey: "coverage.title",
    may: readsMeasures,
    Page: lazy(() => import("./pages/coverage.js").then((m) => ({ default: m.CoveragePage }))),
  },
];

/** The analysis pages of a group that a principal may open. */
export function analysisPagesFor(group: ResourceGroup, principal: Principal | undefined) {
  return principal ? analysisPages.filter((p) => p.group === group && p.may(principal)) : [];
}

/** The routes of the analysis pages. */
export function analysisRoutes(): RouteObject[] {
  return analysisPages.map(({ path, Page }) => ({
    path: path.slice(1),
    element: (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    ),
  }));
}
