import type { EntityName } from "@oha/domain";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Link, type RouteObject } from "react-router";
import { analysisPagesFor } from "./analysis-pages.js";
import { useSession } from "./auth/session.js";
import { PageTitle } from "./components/PageTitle.js";
import { useLabels } from "./i18n/index.js";
import { lazyPages } from "./lib/lazy-pages.js";
import { listPath } from "./lib/paths.js";

// Every page module is loaded when one of its pages is first shown (a file of its own).
const actors = lazyPages(() => import("./pages/actors.js"));
const agreements = lazyPages(() => import("./pages/agreements.js"));
const bodies = lazyPages(() => import("./pages/bodies.js"));
const contacts = lazyPages(() => import("./pages/contacts.js"));
const generic = lazyPages(() => import("./pages/generic.js"));
const indicators = lazyPages(() => import("./pages/indicators.js"));
const measures = lazyPages(() => import("./pages/measures.js"));
const meetings = lazyPages(() => import("./pages/meetings.js"));
const GenericList = generic("GenericList");
const GenericNew = generic("GenericNew");
const GenericShow = generic("GenericShow");
const GenericEdit = generic("GenericEdit");
const DeletedRecordsPage = generic("DeletedRecordsPage");

/** Where a resource appears in the navigation. */
export type ResourceGroup = "network" | "agreement" | "offers" | "figures" | "office";

/** Pages a resource shows differently from the generated ones. */
export interface ResourcePages {
  readonly list?: ComponentType;
  readonly show?: ComponentType;
  readonly create?: ComponentType;
  readonly edit?: ComponentType;
}

/**
 * One entity in the admin UI: its group, whether it is in the main navigation, and the pages it
 * replaces. Everything else (paths, titles, form fields, lookups, record names) comes from the
 * domain's registry.
 */
export interface Resource {
  readonly name: EntityName;
  readonly group: ResourceGroup;
  /** In the main navigation; the others are in the overview of every area and linked from their parents. */
  readonly primary?: boolean;
  readonly pages?: ResourcePages;
}

/** Every entity the admin UI shows, in navigation order. */
export const resources: readonly Resource[] = [
  {
    name: "actor",
    group: "network",
    primary: true,
    pages: {
      list: actors("ActorList"),
      show: actors("ActorPage"),
      create: actors("NewActorPage"),
      edit: actors("EditActorPage"),
    },
  },
  {
    name: "contact",
    group: "network",
    primary: true,
    pages: {
      list: contacts("ContactList"),
      show: contacts("ContactPage"),
      create: contacts("NewContactPage"),
      edit: contacts("EditContactPage"),
    },
  },
  { name: "affiliation", group: "network" },
  {
    name: "body",
    group: "network",
    primary: true,
    pages: {
      list: bodies("BodyList"),
      show: bodies("BodyPage"),
      create: bodies("NewBodyPage"),
      edit: bodies("EditBodyPage"),
    },
  },
  { name: "seat", group: "network" },
  { name: "membership", group: "network" },
  {
    name: "meeting",
    group: "network",
    primary: true,
    pages: {
      list: meetings("MeetingList"),
      show: meetings("MeetingPage"),
      create: meetings("NewMeetingPage"),
      edit: meetings("EditMeetingPage"),
    },
  },
  { name: "agreement", group: "agreement", primary: true, pages: { show: agreements("AgreementPage") } },
  { name: "goal", group: "agreement" },
  { name: "standard", group: "agreement" },
  { name: "guide", group: "agreement" },
  { name: "reconciliationRound", group: "agreement" },
  { name: "reconciliationResponse", group: "agreement" },
  {
    name: "measure",
    group: "offers",
    primary: true,
    pages: {
      list: measures("MeasureList"),
      show: measures("MeasurePage"),
      create: measures("NewMeasurePage"),
      edit: measures("EditMeasurePage"),
    },
  },
  { name: "overlapReview", group: "offers" },
  {
    name: "indicator",
    group: "figures",
    primary: true,
    pages: {
      list: indicators("IndicatorList"),
      show: indicators("IndicatorPage"),
      create: indicators("NewIndicatorPage"),
      edit: indicators("EditIndicatorPage"),
    },
  },
  { name: "observation", group: "figures" },
  { name: "maturityAssessment", group: "figures" },
  { name: "region", group: "office" },
  { name: "coordinationOffice", group: "office" },
  { name: "fundingProgramme", group: "office" },
  { name: "document", group: "office" },
];

/** The routes of every resource: list, new, recently deleted, record and edit. */
export function resourceRoutes(): RouteObject[] {
  return resources.flatMap(({ name, pages = {} }) => {
    const base = listPath(name).slice(1);
    const List = pages.list;
    const Show = pages.show;
    const Create = pages.create;
    const Edit = pages.edit;
    return [
      { path: base, element: List ? <List /> : <GenericList entity={name} /> },
      { path: `${base}/new`, element: Create ? <Create /> : <GenericNew entity={name} /> },
      { path: `${base}/deleted`, element: <DeletedRecordsPage entity={name} /> },
      { path: `${base}/:id`, element: Show ? <Show /> : <GenericShow entity={name} /> },
      { path: `${base}/:id/edit`, element: Edit ? <Edit /> : <GenericEdit entity={name} /> },
    ];
  });
}

const groups: readonly ResourceGroup[] = ["network", "agreement", "offers", "figures", "office"];

/** The links of the main navigation: the primary resources, in declaration order. */
export const primaryResources = resources.filter((r) => r.primary);

/** Every area of the network, by group: the way to the resources that are not in the main navigation. */
export function AllAreasPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { principal } = useSession();
  return (
    <>
      <PageTitle>{t("nav.allTitle")}</PageTitle>
      {groups.map((group) => (
        <section key={group} aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>{t(`nav.groups.${group}`)}</h2>
          <ul className="link-list">
            {resources
              .filter((r) => r.group === group)
              .map((r) => (
                <li key={r.name}>
                  <Link to={listPath(r.name)}>{labels.entity(r.name, true)}</Link>
                </li>
              ))}
            {analysisPagesFor(group, principal).map((p) => (
              <li key={p.path}>
                <Link to={p.path}>{t(p.titleKey)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
