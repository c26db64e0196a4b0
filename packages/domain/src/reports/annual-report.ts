import { assessContinuity } from "../analytics/continuity.js";
import { coverageGapLabels, coverageMatrix, schoolYearOf } from "../analytics/coverage.js";
import {
  flattenGoalProgress,
  type GoalProgress,
  goalStatusLabels,
  latestObservation,
  rollUpGoalProgress,
  wholeRegionKeys,
} from "../analytics/goals.js";
import { findOverlaps } from "../analytics/overlaps.js";
import { assessParticipation, meetingWasHeld } from "../analytics/participation.js";
import { goalRealisationFromReport, measureRealisation, type Rate } from "../analytics/realisation.js";
import { reconciliationHistory } from "../analytics/reconciliation.js";
import { assessStandards } from "../analytics/standards.js";
import type { Locale } from "../common/i18n.js";
import { activeOn } from "../common/record.js";
import { type DomainError, err, ok, type Result } from "../common/result.js";
import type { ActorKind } from "../model/actor.js";
import type { Network } from "../model/entities.js";
import type { Indicator, Observation } from "../model/indicator.js";
import { labelOf } from "../model/labels.js";
import type { MeasureCategory } from "../model/measure.js";
import { staffingOn } from "../model/office.js";
import { populationDensity, type Region } from "../model/region.js";
import type { AdoptionStatus } from "../model/standard.js";
import type { ChartBlock, ReportBlock, ReportDocument, ReportSection } from "./document.js";
import {
  enumerate,
  figure,
  formatDate,
  formatNumber,
  formatPercent,
  nbsp,
  paragraph,
  table,
  translator,
} from "./format.js";
import { namesOf } from "./names.js";

/** What {@link buildAnnualReport} reports on. */
export interface AnnualReportOptions {
  /** The calendar year the report covers. */
  readonly year: number;
  /** The language of the document (default German). */
  readonly locale?: Locale;
  /** The reference date; default the year's last day. A later date is cut to it. */
  readonly asOf?: string;
  /** The district's name as printed; default the region's name. */
  readonly districtName?: string;
}

const statusTone = {
  achieved: "good",
  on_track: "good",
  at_risk: "warning",
  missed: "bad",
  no_data: "neutral",
} as const;

const adoptionOrder: readonly (AdoptionStatus | "none")[] = [
  "implemented",
  "implementing",
  "adopted",
  "not_started",
  "declined",
  "none",
];

/**
 * Builds the annual report of a district's coordination office for the district council and the
 * steering group: the network, bodies and attendance, the agreement's goals and their progress,
 * standards and their adoption, offers (count, places, overlaps found and resolved, gaps),
 * indicators with source and vintage, reconciliation results, personnel continuity, and the
 * office's staffing and funding. Every figure comes from the domain's analyses of the records;
 * every chart carries an alternative text. Fails only when the network has no region.
 *
 * @example
 * const report = buildAnnualReport(osterodeExample, { year: 2023 });
 * if (report.ok) report.value.sections.map((s) => s.title); // ["Auf einen Blick", "Das Netzwerk", …]
 */
export function buildAnnualReport(
  network: Network,
  options: AnnualReportOptions,
): Result<ReportDocument, DomainError> {
  const locale = options.locale ?? "de";
  const t = translator(locale);
  const region = network.region.find((r) => !r.deleted);
  if (!region)
    return err({
      code: "not_found",
      message: t("Die Region des Mandanten fehlt.", "The tenant's region is missing."),
    });
  const year = options.year;
  const yearEnd = `${year}-12-31`;
  const asOf = options.asOf && options.asOf < yearEnd ? options.asOf : yearEnd;
  const window = { from: `${year}-01-01`, to: asOf };
  const ctx: Context = {
    network,
    region,
    locale,
    t,
    year,
    asOf,
    window,
    names: namesOf(network),
    num: (value, digits = 1) => formatNumber(value, locale, digits),
    pct: (rate) => (rate.value === null ? "–" : formatPercent(rate.value, locale)),
    date: (iso) => formatDate(iso, locale),
  };
  const district = options.districtName ?? region.name;
  const office = network.coordinationOffice.find((o) => !o.deleted);
  const illustrative = Object.values(network).some((list) =>
    (list as readonly { illustrative?: boolean; deleted: boolean }[]).some(
      (r) => r.illustrative && !r.deleted,
    ),
  );
  const sections = [
    overview(ctx, district, illustrative),
    networkSection(ctx),
    bodiesSection(ctx),
    goalsSection(ctx),
    standardsSection(ctx),
    offersSection(ctx),
    indicatorsSection(ctx),
    reconciliationSection(ctx),
    continuitySection(ctx),
    officeSection(ctx),
    notesSection(ctx, illustrative),
  ];
  const title = t(`Jahresbericht ${year}`, `Annual report ${year}`);
  return ok({
    kind: "annual_report",
    lang: locale,
    title: `${title}: ${office?.name ?? district}`,
    subtitle: t(
      `Übergang Schule–Beruf im ${district} – für den Kreistag und die Steuerungsgruppe`,
      `Transition from school to work in ${district} – for the district council and the steering group`,
    ),
    issuer: district,
    author: office?.name ?? district,
    subject: t(
      `Jahresbericht ${year} der Koordinierungsstelle Bildung-Beruf: Netzwerk, Gremien, Ziele, Standards, Angebote, Kennzahlen`,
      `Annual report ${year} of the coordination office: network, bodies, goals, standards, offers, figures`,
    ),
    keywords: t(
      "Übergang Schule–Beruf, Koordinierungsstelle, Jahresbericht, Kooperationsvereinbarung, Kennzahlen",
      "transition from school to work, coordination office, annual report, cooperation agreement, figures",
    )
      .split(", ")
      .concat(district),
    date: asOf,
    footer: `${title} – ${district}`,
    illustrative,
    sections,
  });
}

interface Context {
  readonly network: Network;
  readonly region: Region;
  readonly locale: Locale;
  readonly t: (de: string, en: string) => string;
  readonly year: number;
  readonly asOf: string;
  readonly window: { readonly from: string; readonly to: string };
  readonly names: ReturnType<typeof namesOf>;
  num(value: number, digits?: number): string;
  pct(rate: Rate): string;
  date(iso: string): string;
}

const section = (
  id: string,
  title: string,
  blocks: readonly ReportBlock[],
  sections: readonly ReportSection[] = [],
): ReportSection => ({ id, title, blocks, sections });

function bodiesHeld(ctx: Context) {
  return assessParticipation(ctx.network, { asOf: ctx.asOf, window: ctx.window });
}

function liveMeasures(ctx: Context) {
  return ctx.network.measure.filter(
    (m) =>
      !m.deleted && m.status !== "cancelled" && m.from <= ctx.window.to && (!m.to || m.to >= ctx.window.from),
  );
}

function overview(ctx: Context, district: string, illustrative: boolean): ReportSection {
  const { t, region, network } = ctx;
  const density = populationDensity(region);
  const goals = rollUpGoalProgress(network, { asOf: ctx.asOf });
  const flat = flattenGoalProgress(goals.roots).filter((g) => g.state !== "dropped");
  const onTrack = flat.filter((g) => g.status === "on_track" || g.status === "achieved").length;
  const meetingsHeld = network.meeting.filter(
    (m) =>
      !m.deleted &&
      meetingWasHeld(m) &&
      m.start.slice(0, 10) >= ctx.window.from &&
      m.start.slice(0, 10) <= ctx.window.to,
  ).length;
  const facts: { label: string; value: string }[] = [];
  if (region.areaKm2 !== undefined)
    facts.push({ label: t("Fläche", "Area"), value: `${ctx.num(region.areaKm2, 2)} km²` });
  if (region.population !== undefined)
    facts.push({
      label: t("Einwohnerinnen und Einwohner", "Inhabitants"),
      value:
        ctx.num(region.population, 0) +
        (region.populationDate
          ? t(` (Stand ${ctx.date(region.populationDate)})`, ` (as of ${ctx.date(region.populationDate)})`)
          : ""),
    });
  if (density !== undefined)
    facts.push({
      label: t("Bevölkerungsdichte", "Population density"),
      value: t(`${ctx.num(density, 1)} Einwohner je km²`, `${ctx.num(density, 1)} inhabitants per km²`),
    });
  facts.push(
    {
      label: t("Partner im Netzwerk", "Partners in the network"),
      value: ctx.num(network.actor.filter((a) => !a.deleted).length, 0),
    },
    { label: t("Gremien", "Bodies"), value: ctx.num(network.body.filter((b) => !b.deleted).length, 0) },
    { label: t(`Sitzungen ${ctx.year}`, `Meetings ${ctx.year}`), value: ctx.num(meetingsHeld, 0) },
    { label: t(`Angebote ${ctx.year}`, `Offers ${ctx.year}`), value: ctx.num(liveMeasures(ctx).length, 0) },
    {
      label: t("Ziele im Plan oder erreicht", "Goals on track or achieved"),
      value: t(`${onTrack} von ${flat.length}`, `${onTrack} of ${flat.length}`),
    },
  );
  const blocks: ReportBlock[] = [
    paragraph(
      t(
        `Der Bericht fasst zusammen, was das Netzwerk am Übergang Schule–Beruf im ${district} im Jahr ${ctx.year} erreicht hat: wer mitarbeitet, wie oft die Gremien getagt haben, wie weit die Ziele der Kooperationsvereinbarung sind, wie die Standards umgesetzt werden, welche Angebote es gibt und was die Zahlen zeigen. Stichtag ist der ${ctx.date(ctx.asOf)}.`,
        `This report sums up what the network for the transition from school to work in ${district} achieved in ${ctx.year}: who takes part, how often the bodies met, how far the goals of the cooperation agreement have come, how the standards are applied, which offers there are and what the figures show. The reference date is ${ctx.date(ctx.asOf)}.`,
      ),
      "lead",
    ),
    { type: "facts", caption: t(`${district} in Zahlen`, `${district} in figures`), items: facts },
  ];
  if (illustrative)
    blocks.push(
      paragraph(
        t(
          "Hinweis: Der Datenbestand enthält erfundene Beispieleinträge, die das Vorgehen veranschaulichen (in OHA als „veranschaulichend“ gekennzeichnet). Ihre Werte sind keine amtlichen oder tatsächlichen Zahlen.",
          "Note: the data contains invented example entries that illustrate the approach (marked “illustrative” in OHA). Their values are not official or actual figures.",
        ),
        "note",
      ),
    );
  return section("overview", t("Auf einen Blick", "At a glance"), blocks);
}

function networkSection(ctx: Context): ReportSection {
  const { t, network } = ctx;
  const actors = network.actor.filter((a) => !a.deleted);
  const byKind = new Map<ActorKind, number>();
  for (const a of actors) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const kinds = [...byKind.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const inYear = (date: string | undefined) =>
    date !== undefined && date >= ctx.window.from && date <= ctx.window.to;
  const newPartners = actors.filter((a) => inYear(a.createdAt.slice(0, 10))).length;
  const joined = network.membership.filter((m) => !m.deleted && inYear(m.from)).length;
  const left = network.membership.filter((m) => !m.deleted && inYear(m.to)).length;
  const handovers = network.affiliation.filter(
    (a) => !a.deleted && a.endReason === "handover" && inYear(a.to),
  ).length;
  const kindLabel = (kind: ActorKind) => labelOf("ActorKind", kind, ctx.locale);
  const chart: ChartBlock = {
    type: "chart",
    title: t("Partner nach Art", "Partners by kind"),
    alt: t(
      `Balkendiagramm: ${actors.length} Partner nach Art. ${kinds.map(([k, n]) => `${kindLabel(k)}: ${n}`).join("; ")}.`,
      `Bar chart: ${actors.length} partners by kind. ${kinds.map(([k, n]) => `${kindLabel(k)}: ${n}`).join("; ")}.`,
    ),
    unit: t("Anzahl", "Count"),
    chart: {
      kind: "bar",
      categories: kinds.map(([k]) => kindLabel(k)),
      series: [
        {
          label: t("Partner", "Partners"),
          values: kinds.map(([, n]) => ({ value: n, label: ctx.num(n, 0) })),
        },
      ],
    },
  };
  return section("network", t("Das Netzwerk", "The network"), [
    paragraph(
      t(
        `Zum Netzwerk gehören am ${ctx.date(ctx.asOf)} ${actors.length} Partner aus ${kinds.length} Bereichen. Im Jahr ${ctx.year} kamen ${newPartners} Partner neu hinzu; ${joined} Personen wurden in Gremien berufen, ${left} schieden aus, und ${handovers} Ansprechpersonen haben ihre Aufgabe an eine Nachfolge übergeben.`,
        `On ${ctx.date(ctx.asOf)} the network has ${actors.length} partners from ${kinds.length} fields. In ${ctx.year}, ${newPartners} partners joined; ${joined} people were appointed to bodies, ${left} left, and ${handovers} contacts handed their role over to a successor.`,
      ),
    ),
    chart,
    table(
      t("Partner nach Art", "Partners by kind"),
      [t("Art", "Kind"), figure(t("Anzahl", "Count"))],
      kinds.map(([k, n]) => [kindLabel(k), ctx.num(n, 0)]),
      { rowHeaders: true },
    ),
    table(
      t(`Veränderungen im Jahr ${ctx.year}`, `Changes in ${ctx.year}`),
      [t("Veränderung", "Change"), figure(t("Anzahl", "Count"))],
      [
        [t("Neue Partner", "New partners"), ctx.num(newPartners, 0)],
        [t("Neue Mitgliedschaften in Gremien", "New memberships in bodies"), ctx.num(joined, 0)],
        [t("Beendete Mitgliedschaften", "Ended memberships"), ctx.num(left, 0)],
        [t("Übergaben an eine Nachfolge", "Handovers to a successor"), ctx.num(handovers, 0)],
      ],
      { rowHeaders: true },
    ),
  ]);
}

function bodiesSection(ctx: Context): ReportSection {
  const { t, network, names } = ctx;
  const participation = bodiesHeld(ctx);
  const attendance = new Map<string, { attended: number; expected: number }>();
  for (const actor of participation.actors)
    for (const b of actor.bodies) {
      const entry = attendance.get(b.bodyId) ?? { attended: 0, expected: 0 };
      entry.attended += b.counts.present + b.counts.represented;
      entry.expected += b.counts.expected;
      attendance.set(b.bodyId, entry);
    }
  const bodies = participation.bodies;
  const rows = bodies.map((b) => {
    const body = network.body.find((x) => x.id === b.bodyId);
    const a = attendance.get(b.bodyId);
    return [
      names.body(b.bodyId),
      body ? labelOf("DecisionAuthority", body.decisionAuthority, ctx.locale) : "–",
      ctx.num(b.requiredMeetings, 0),
      ctx.num(b.held, 0),
      ctx.num(b.cancelled, 0),
      a && a.expected > 0 ? formatPercent(a.attended / a.expected, ctx.locale) : "–",
    ];
  });
  const below = participation.bodiesBelowTarget.map((id) => names.body(id));
  const meetings = network.meeting
    .filter(
      (m) => !m.deleted && m.start.slice(0, 10) >= ctx.window.from && m.start.slice(0, 10) <= ctx.window.to,
    )
    .sort((a, b) => a.start.localeCompare(b.start));
  const chart: ChartBlock = {
    type: "chart",
    title: t(`Sitzungen ${ctx.year}: Soll und durchgeführt`, `Meetings ${ctx.year}: target and held`),
    alt: t(
      `Balkendiagramm der Sitzungen je Gremium im Jahr ${ctx.year}. ${bodies.map((b) => `${names.body(b.bodyId)}: ${b.held} durchgeführt, Soll ${b.requiredMeetings}`).join("; ")}.`,
      `Bar chart of meetings per body in ${ctx.year}. ${bodies.map((b) => `${names.body(b.bodyId)}: ${b.held} held, target ${b.requiredMeetings}`).join("; ")}.`,
    ),
    unit: t("Sitzungen", "Meetings"),
    chart: {
      kind: "bar",
      categories: bodies.map((b) => names.body(b.bodyId)),
      series: [
        {
          label: t("Soll", "Target"),
          values: bodies.map((b) => ({ value: b.requiredMeetings, label: ctx.num(b.requiredMeetings, 0) })),
        },
        {
          label: t("Durchgeführt", "Held"),
          values: bodies.map((b) => ({ value: b.held, label: ctx.num(b.held, 0) })),
        },
      ],
    },
  };
  const blocks: ReportBlock[] = [
    paragraph(
      t(
        `${bodies.length} Gremien arbeiten im Netzwerk. Im Jahr ${ctx.year} fanden ${bodies.reduce((s, b) => s + b.held, 0)} Sitzungen statt. Die Anwesenheit aller erwarteten Partner lag bei ${ctx.pct(participation.overall)} (vertreten zählt als anwesend). ${
          below.length
            ? `Seltener als vorgesehen tagten: ${enumerate(below, "de")}.`
            : "Alle Gremien tagten so oft wie vorgesehen."
        }`,
        `${bodies.length} bodies work in the network. In ${ctx.year} they held ${bodies.reduce((s, b) => s + b.held, 0)} meetings. Attendance of all expected partners was ${ctx.pct(participation.overall)} (represented counts as present). ${
          below.length
            ? `Met less often than planned: ${enumerate(below, "en")}.`
            : "All bodies met as often as planned."
        }`,
      ),
    ),
    chart,
    table(
      t(
        `Gremien und ihre Sitzungen ${ctx.year} (Soll und Ist)`,
        `Bodies and their meetings ${ctx.year} (target and held)`,
      ),
      [
        t("Gremium", "Body"),
        t("Kompetenz", "Authority"),
        figure(t("Soll", "Target")),
        figure(t("Ist", "Held")),
        figure(t("Abgesagt", "Cancelled")),
        figure(t("Anwesenheit", "Attendance")),
      ],
      rows,
      { rowHeaders: true, empty: t("Keine Gremien erfasst.", "No bodies recorded.") },
    ),
    table(
      t(`Sitzungen im Jahr ${ctx.year}`, `Meetings in ${ctx.year}`),
      [
        t("Datum", "Date"),
        t("Gremium", "Body"),
        t("Sitzung", "Meeting"),
        t("Stand", "Status"),
        figure(t("Beschlüsse", "Decisions")),
      ],
      meetings.map((m) => [
        ctx.date(m.start),
        names.body(m.bodyId),
        m.title,
        labelOf("MeetingStatus", m.status, ctx.locale),
        ctx.num(m.decisions.length, 0),
      ]),
      { empty: t("Keine Sitzungen in diesem Jahr.", "No meetings this year.") },
    ),
  ];
  return section("bodies", t("Gremien und Beteiligung", "Bodies and attendance"), blocks);
}

/** The progress of a goal as the report prints it. */
export function goalProgressLabel(
  goal: Pick<GoalProgress, "state" | "progressPercent">,
  locale: Locale,
): string {
  const t = translator(locale);
  if (goal.state === "dropped") return t("aufgegeben", "dropped");
  if (goal.progressPercent === null) return t("keine Daten", "no data");
  return `${formatNumber(goal.progressPercent, locale, 1)}${nbsp}%`;
}

function goalsSection(ctx: Context): ReportSection {
  const { t, network } = ctx;
  const report = rollUpGoalProgress(network, { asOf: ctx.asOf });
  const flat = flattenGoalProgress(report.roots);
  const depth = new Map<string, number>();
  const walk = (g: GoalProgress, d: number) => {
    depth.set(g.goalId, d);
    for (const c of g.children) walk(c, d + 1);
  };
  for (const root of report.roots) walk(root, 0);
  const realisation = goalRealisationFromReport(report, { asOf: ctx.asOf, window: ctx.window });
  const agreements = network.agreement.filter(
    (a) =>
      !a.deleted &&
      (a.status === "in_force" || a.status === "signed") &&
      activeOn({ from: a.validFrom, to: a.validTo }, ctx.asOf),
  );
  const statusLabel = (g: GoalProgress) =>
    g.state === "dropped"
      ? labelOf("GoalState", "dropped", ctx.locale)
      : goalStatusLabels[g.status][ctx.locale];
  const rows = flat.map((g) => [
    `${"– ".repeat(depth.get(g.goalId) ?? 0)}${g.title}`,
    labelOf("GoalLevel", g.level, ctx.locale),
    g.deadline ? ctx.date(g.deadline) : "–",
    statusLabel(g),
    goalProgressLabel(g, ctx.locale),
    g.expectedProgress === null || g.state === "dropped"
      ? "–"
      : formatPercent(g.expectedProgress, ctx.locale),
  ]);
  const charted = flat.filter((g) => g.state !== "dropped");
  const counts = Object.entries(report.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${goalStatusLabels[status as keyof typeof goalStatusLabels][ctx.locale]}: ${n}`);
  const blocks: ReportBlock[] = [];
  blocks.push(
    paragraph(
      agreements.length
        ? t(
            `Grundlage ist ${enumerate(
              agreements.map(
                (a) =>
                  `„${a.title}“ (${labelOf("AgreementStatus", a.status, "de")}${a.validFrom ? ` seit ${ctx.date(a.validFrom)}` : ""}, ${a.partyActorIds.length} Partner)`,
              ),
              "de",
            )}. Sie legt klare Ziele fest; ihr Fortschritt wird an Kennzahlen gemessen.`,
            `The basis is ${enumerate(
              agreements.map(
                (a) =>
                  `“${a.title}” (${labelOf("AgreementStatus", a.status, "en")}${a.validFrom ? ` since ${ctx.date(a.validFrom)}` : ""}, ${a.partyActorIds.length} partners)`,
              ),
              "en",
            )}. It sets clear goals; their progress is measured by indicators.`,
          )
        : t(
            "Zum Stichtag ist keine Kooperationsvereinbarung in Kraft.",
            "No cooperation agreement is in force on the reference date.",
          ),
    ),
    paragraph(
      t(
        `Stand der ${flat.length} Ziele am ${ctx.date(ctx.asOf)}: ${counts.join(", ") || "keine Ziele erfasst"}. Fortschritt heißt: Weg vom Ausgangswert zum Zielwert, gemessen an der letzten Kennzahl; „erwartet“ ist der lineare Weg bis zur Frist.${
          realisation.realisationRate.denominator
            ? ` Von den Zielen mit Frist im Jahr ${ctx.year} wurden ${realisation.realisationRate.numerator} von ${realisation.realisationRate.denominator} erreicht.`
            : ""
        }`,
        `State of the ${flat.length} goals on ${ctx.date(ctx.asOf)}: ${counts.join(", ") || "no goals recorded"}. Progress is the way from baseline to target, measured by the latest figure; “expected” is the linear path to the deadline.${
          realisation.realisationRate.denominator
            ? ` Of the goals due in ${ctx.year}, ${realisation.realisationRate.numerator} of ${realisation.realisationRate.denominator} were achieved.`
            : ""
        }`,
      ),
    ),
  );
  if (charted.length)
    blocks.push({
      type: "chart",
      title: t("Fortschritt der Ziele", "Progress of the goals"),
      alt: t(
        `Fortschrittsbalken je Ziel von 0 bis 100 Prozent, mit Markierung des erwarteten Stands. ${charted.map((g) => `${g.title}: ${goalProgressLabel(g, "de")}${g.expectedProgress === null ? "" : `, erwartet ${formatPercent(g.expectedProgress, "de")}`}, ${goalStatusLabels[g.status].de}`).join("; ")}.`,
        `Progress bars per goal from 0 to 100 percent, with a mark for the expected progress. ${charted.map((g) => `${g.title}: ${goalProgressLabel(g, "en")}${g.expectedProgress === null ? "" : `, expected ${formatPercent(g.expectedProgress, "en")}`}, ${goalStatusLabels[g.status].en}`).join("; ")}.`,
      ),
      unit: "%",
      chart: {
        kind: "progress",
        items: charted.map((g) => ({
          label: g.title,
          percent: g.progressPercent,
          expectedPercent: g.expectedProgress === null ? null : Math.round(g.expectedProgress * 1000) / 10,
          valueLabel: goalProgressLabel(g, ctx.locale),
          status: statusTone[g.status],
        })),
      },
    });
  blocks.push(
    table(
      t("Ziele und Fortschritt", "Goals and progress"),
      [
        t("Ziel", "Goal"),
        t("Ebene", "Level"),
        t("Frist", "Deadline"),
        t("Status", "Status"),
        figure(t("Fortschritt", "Progress")),
        figure(t("Erwartet", "Expected")),
      ],
      rows,
      { rowHeaders: true, empty: t("Keine Ziele erfasst.", "No goals recorded.") },
    ),
  );
  return section(
    "goals",
    t("Ziele der Kooperationsvereinbarung", "Goals of the cooperation agreement"),
    blocks,
  );
}

function standardsSection(ctx: Context): ReportSection {
  const { t, network } = ctx;
  const assessment = assessStandards(network, { asOf: ctx.asOf });
  const byId = new Map(network.standard.map((s) => [s.id, s]));
  const reviews = new Map(assessment.reviews.map((r) => [r.standardId, r]));
  const adoptionLabel = (s: AdoptionStatus | "none") =>
    s === "none" ? t("Ohne Angabe", "No entry") : labelOf("AdoptionStatus", s, ctx.locale);
  const columns = assessment.adoption.standards;
  const rows = columns.map((c) => {
    const s = byId.get(c.standardId);
    const review = reviews.get(c.standardId);
    return [
      `${c.code} ${s?.title ?? ""}`.trim(),
      labelOf("StandardStatus", c.status, ctx.locale),
      t(
        `${c.counts.implemented} umgesetzt, ${c.counts.implementing} in Umsetzung, ${c.counts.adopted} übernommen, ${c.counts.not_started + c.counts.declined} offen oder abgelehnt, ${c.counts.none} ohne Angabe`,
        `${c.counts.implemented} implemented, ${c.counts.implementing} implementing, ${c.counts.adopted} adopted, ${c.counts.not_started + c.counts.declined} open or declined, ${c.counts.none} no entry`,
      ),
      c.implementation.value === null ? "–" : formatPercent(c.implementation.value, ctx.locale),
      review?.dueOn
        ? `${ctx.date(review.dueOn)}${review.overdue ? t(" (überfällig)", " (overdue)") : ""}`
        : "–",
    ];
  });
  const blocks: ReportBlock[] = [
    paragraph(
      t(
        `Das Netzwerk hat ${columns.length} Mindest- und Handlungsstandards vereinbart. Sie legen die Schnittstellen zwischen den Partnern fest. ${assessment.overdueReviews.length ? `Bei ${assessment.overdueReviews.length} Standards ist die Wirksamkeitsprüfung überfällig.` : "Keine Wirksamkeitsprüfung ist überfällig."} ${assessment.unownedInterfaces.length ? `${assessment.unownedInterfaces.length} Schnittstellen haben auf der aufnehmenden Seite noch keine Verantwortlichen.` : "Jede Schnittstelle hat auf der aufnehmenden Seite Verantwortliche."}`,
        `The network has agreed ${columns.length} minimum and action standards. They define the interfaces between the partners. ${assessment.overdueReviews.length ? `For ${assessment.overdueReviews.length} standards the effectiveness review is overdue.` : "No effectiveness review is overdue."} ${assessment.unownedInterfaces.length ? `${assessment.unownedInterfaces.length} interfaces have nobody responsible on the receiving side yet.` : "Every interface has someone responsible on the receiving side."}`,
      ),
    ),
  ];
  if (columns.length)
    blocks.push({
      type: "chart",
      title: t("Umsetzung der Standards durch die Partner", "Adoption of the standards by the partners"),
      alt: t(
        `Gestapelte Balken je Standard: Zahl der Partner nach Umsetzungsstand. ${columns.map((c) => `${c.code}: ${adoptionOrder.map((s) => `${adoptionLabel(s)} ${c.counts[s]}`).join(", ")}`).join("; ")}.`,
        `Stacked bars per standard: number of partners by adoption status. ${columns.map((c) => `${c.code}: ${adoptionOrder.map((s) => `${adoptionLabel(s)} ${c.counts[s]}`).join(", ")}`).join("; ")}.`,
      ),
      unit: t("Partner", "Partners"),
      chart: {
        kind: "stacked",
        categories: columns.map((c) => c.code),
        segments: adoptionOrder.map(adoptionLabel),
        values: columns.map((c) => adoptionOrder.map((s) => c.counts[s])),
      },
    });
  blocks.push(
    table(
      t(
        "Standards und ihre Umsetzung (Zahl der Partner)",
        "Standards and their adoption (number of partners)",
      ),
      [
        t("Standard", "Standard"),
        t("Status", "Status"),
        t("Partner nach Umsetzungsstand", "Partners by adoption status"),
        figure(t("Umsetzungsquote", "Implementation rate")),
        t("Nächste Wirksamkeitsprüfung", "Next effectiveness review"),
      ],
      rows,
      { rowHeaders: true, empty: t("Keine Standards erfasst.", "No standards recorded.") },
    ),
  );
  return section("standards", t("Standards und ihre Umsetzung", "Standards and their adoption"), blocks);
}

function offersSection(ctx: Context): ReportSection {
  const { t, network, region } = ctx;
  const live = liveMeasures(ctx);
  const places = live.reduce((sum, m) => sum + (m.places ?? 0), 0);
  const withoutPlaces = live.filter((m) => m.places === undefined).length;
  const byCategory = new Map<MeasureCategory, { count: number; places: number }>();
  for (const m of live) {
    const entry = byCategory.get(m.category) ?? { count: 0, places: 0 };
    entry.count += 1;
    entry.places += m.places ?? 0;
    byCategory.set(m.category, entry);
  }
  const categories = [...byCategory.entries()].sort(
    (a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]),
  );
  const realisation = measureRealisation(network, { asOf: ctx.asOf, window: ctx.window });
  const overlaps = findOverlaps(network.measure, { reviews: network.overlapReview });
  const reviewedOpen = overlaps.pairs.filter((p) => p.review?.current).length;
  const found = overlaps.pairs.length + overlaps.dismissed.length;
  const resolved = overlaps.dismissed.length + reviewedOpen;
  const open = overlaps.pairs.length - reviewedOpen;
  const schoolYear = schoolYearOf(`${ctx.year}-09-01`);
  const coverage = coverageMatrix(network.measure, {
    municipalities: region.municipalities,
    schoolYears: [schoolYear],
  });
  const municipality = new Map(region.municipalities.map((m) => [m.ags, m.name]));
  const gapsByKind = new Map<string, number>();
  for (const g of coverage.gaps) gapsByKind.set(g.kind, (gapsByKind.get(g.kind) ?? 0) + 1);
  const categoryLabel = (c: MeasureCategory) => labelOf("MeasureCategory", c, ctx.locale);
  const blocks: ReportBlock[] = [
    paragraph(
      t(
        `Im Jahr ${ctx.year} liefen ${live.length} Angebote mit zusammen ${ctx.num(places, 0)} Plätzen${withoutPlaces ? ` (${withoutPlaces === 1 ? "1 Angebot" : `${withoutPlaces} Angebote`} ohne Angabe der Plätze)` : ""}. Von den Angeboten, die im Jahr beginnen sollten, wurden ${ctx.pct(realisation.realisationRate)} umgesetzt (Realisierungsgrad: ${realisation.realisationRate.numerator} von ${realisation.realisationRate.denominator}).`,
        `In ${ctx.year}, ${live.length} offers ran with ${ctx.num(places, 0)} places together${withoutPlaces ? ` (${withoutPlaces} offers without stated places)` : ""}. Of the offers planned to start in the year, ${ctx.pct(realisation.realisationRate)} came true (realisation rate: ${realisation.realisationRate.numerator} of ${realisation.realisationRate.denominator}).`,
      ),
    ),
    paragraph(
      t(
        `Angebotsredundanzen: Die Prüfung fand ${found === 1 ? "1 Paar" : `${found} Paare`} sehr ähnlicher Angebote. ${resolved} davon sind geklärt (${overlaps.dismissed.length} als ergänzend bewertet, ${reviewedOpen} als redundant bewertet oder zur Zusammenlegung vorgesehen), ${open} sind noch offen.`,
        `Redundant offers: the check found ${found === 1 ? "1 pair" : `${found} pairs`} of very similar offers. ${resolved} of them are resolved (${overlaps.dismissed.length} judged complementary, ${reviewedOpen} judged redundant or planned for merger), ${open} are still open.`,
      ),
    ),
    {
      type: "chart",
      title: t(`Angebote ${ctx.year} nach Kategorie`, `Offers ${ctx.year} by category`),
      alt: t(
        `Balkendiagramm der Angebote nach Kategorie: ${categories.map(([c, v]) => `${categoryLabel(c)}: ${v.count} Angebote, ${v.places} Plätze`).join("; ") || "keine Angebote"}.`,
        `Bar chart of offers by category: ${categories.map(([c, v]) => `${categoryLabel(c)}: ${v.count} offers, ${v.places} places`).join("; ") || "no offers"}.`,
      ),
      unit: t("Anzahl", "Count"),
      chart: {
        kind: "bar",
        categories: categories.length
          ? categories.map(([c]) => categoryLabel(c))
          : [t("Keine Angebote", "No offers")],
        series: [
          {
            label: t("Angebote", "Offers"),
            values: categories.length
              ? categories.map(([, v]) => ({ value: v.count, label: ctx.num(v.count, 0) }))
              : [{ value: 0, label: "0" }],
          },
        ],
      },
    },
    table(
      t(`Angebote ${ctx.year} nach Kategorie`, `Offers ${ctx.year} by category`),
      [t("Kategorie", "Category"), figure(t("Angebote", "Offers")), figure(t("Plätze", "Places"))],
      categories.map(([c, v]) => [categoryLabel(c), ctx.num(v.count, 0), ctx.num(v.places, 0)]),
      { rowHeaders: true, empty: t("Keine Angebote in diesem Jahr.", "No offers this year.") },
    ),
    table(
      t("Überschneidungen von Angeboten", "Overlapping offers"),
      [t("Stand", "State"), figure(t("Paare", "Pairs"))],
      [
        [t("Gefunden", "Found"), ctx.num(found, 0)],
        [t("Geklärt: ergänzen sich", "Resolved: complementary"), ctx.num(overlaps.dismissed.length, 0)],
        [
          t("Geklärt: redundant oder Zusammenlegung", "Resolved: redundant or merger"),
          ctx.num(reviewedOpen, 0),
        ],
        [t("Offen", "Open"), ctx.num(open, 0)],
      ],
      { rowHeaders: true },
    ),
  ];
  const gapRows = coverage.gaps
    .slice(0, 12)
    .map((g) => [
      labelOf("TargetGroup", g.targetGroup, ctx.locale),
      categoryLabel(g.category),
      municipality.get(g.ags) ?? g.ags,
      ctx.num(g.places, 0),
      g.reason[ctx.locale],
    ]);
  blocks.push(
    paragraph(
      t(
        `Lücken im Schuljahr ${schoolYear}: ${coverage.gaps.length} Kombinationen aus Zielgruppe, Kategorie und Gemeinde ohne oder mit zu wenigen Plätzen (${[...gapsByKind.entries()].map(([k, n]) => `${n} × ${coverageGapLabels[k as keyof typeof coverageGapLabels].de.replace(/\.$/, "")}`).join("; ") || "keine"}).${coverage.gaps.length > gapRows.length ? ` Die Tabelle zeigt die ersten ${gapRows.length}.` : ""}`,
        `Gaps in school year ${schoolYear}: ${coverage.gaps.length} combinations of target group, category and municipality with no or too few places (${[...gapsByKind.entries()].map(([k, n]) => `${n} × ${coverageGapLabels[k as keyof typeof coverageGapLabels].en.replace(/\.$/, "")}`).join("; ") || "none"}).${coverage.gaps.length > gapRows.length ? ` The table shows the first ${gapRows.length}.` : ""}`,
      ),
    ),
    table(
      t(`Lücken im Schuljahr ${schoolYear}`, `Gaps in school year ${schoolYear}`),
      [
        t("Zielgruppe", "Target group"),
        t("Kategorie", "Category"),
        t("Gemeinde", "Municipality"),
        figure(t("Plätze", "Places")),
        t("Grund", "Reason"),
      ],
      gapRows,
      { empty: t("Keine Lücken gefunden.", "No gaps found.") },
    ),
  );
  return section("offers", t("Angebote", "Offers"), blocks);
}

function indicatorsSection(ctx: Context): ReportSection {
  const { t, network, region } = ctx;
  const regionKeys = wholeRegionKeys([region]);
  const byIndicator = new Map<string, Observation[]>();
  for (const o of network.observation) {
    if (o.deleted || o.date > ctx.asOf) continue;
    if (o.areaKey !== undefined && !regionKeys.includes(o.areaKey)) continue;
    const list = byIndicator.get(o.indicatorId) ?? [];
    list.push(o);
    byIndicator.set(o.indicatorId, list);
  }
  const indicators = network.indicator.filter((i) => !i.deleted);
  const unit = (i: Indicator) =>
    i.unitLabel ??
    (i.unit === "percent" ? "%" : i.unit === "count" ? "" : labelOf("IndicatorUnit", i.unit, ctx.locale));
  const show = (i: Indicator, v: number) => `${ctx.num(v, 1)}${unit(i) ? `${nbsp}${unit(i)}` : ""}`;
  const rows: string[][] = [];
  const charts: ReportBlock[] = [];
  for (const indicator of indicators) {
    const observations = byIndicator.get(indicator.id) ?? [];
    const latest = latestObservation(observations, indicator.id, ctx.asOf, { regionKeys });
    if (!latest) {
      rows.push([`${indicator.code} ${indicator.name}`, "–", "–", indicator.source]);
      continue;
    }
    const previous = latestObservation(
      observations.filter((o) => o.date < latest.date),
      indicator.id,
      ctx.asOf,
      { regionKeys },
    );
    const change = previous ? latest.value - previous.value : null;
    rows.push([
      `${indicator.code} ${indicator.name}`,
      `${show(indicator, latest.value)} (${latest.periodLabel ?? ctx.date(latest.date)})${latest.provisional ? t(", vorläufig", ", provisional") : ""}`,
      change === null ? "–" : `${change > 0 ? "+" : change < 0 ? "−" : "±"}${ctx.num(Math.abs(change), 1)}`,
      `${latest.source ?? indicator.source}; ${t("Datenstand", "vintage")}: ${latest.vintage ?? t("nicht angegeben", "not stated")}`,
    ]);
    // One point per period: the figure that speaks for it (final before provisional, newest vintage).
    const perDate = new Map<string, Observation>();
    for (const o of observations) {
      const best = latestObservation(
        [o, ...(perDate.has(o.date) ? [perDate.get(o.date) as Observation] : [])],
        indicator.id,
        ctx.asOf,
        { regionKeys },
      );
      if (best) perDate.set(o.date, best);
    }
    const series = [...perDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(-8);
    if (series.length >= 2 && charts.length < 6)
      charts.push({
        type: "chart",
        title: `${indicator.code} ${indicator.name}`,
        alt: t(
          `Liniendiagramm ${indicator.name} (${labelOf("IndicatorDirection", indicator.direction, "de")}): ${series.map((o) => `${o.periodLabel ?? ctx.date(o.date)}: ${show(indicator, o.value)}`).join("; ")}. Quelle: ${latest.source ?? indicator.source}.`,
          `Line chart ${indicator.name} (${labelOf("IndicatorDirection", indicator.direction, "en")}): ${series.map((o) => `${o.periodLabel ?? ctx.date(o.date)}: ${show(indicator, o.value)}`).join("; ")}. Source: ${latest.source ?? indicator.source}.`,
        ),
        ...(unit(indicator) ? { unit: unit(indicator) } : {}),
        chart: {
          kind: "line",
          points: series.map((o) => o.periodLabel ?? o.date.slice(0, 4)),
          series: [
            {
              label: indicator.name,
              values: series.map((o) => ({ value: o.value, label: ctx.num(o.value, 1) })),
            },
          ],
        },
      });
  }
  return section("indicators", t("Zahlen, Daten, Fakten", "Figures and facts"), [
    paragraph(
      t(
        `Die Koordinierungsstelle beobachtet ${indicators.length} Kennzahlen. Die Tabelle nennt zu jedem Wert Quelle und Datenstand; vorläufige Werte sind gekennzeichnet.`,
        `The coordination office watches ${indicators.length} indicators. The table names source and vintage of every value; provisional values are marked.`,
      ),
    ),
    table(
      t(`Kennzahlen zum ${ctx.date(ctx.asOf)}`, `Indicators on ${ctx.date(ctx.asOf)}`),
      [
        t("Kennzahl", "Indicator"),
        figure(t("Wert", "Value")),
        t("Zeitraum", "Period"),
        figure(t("Veränderung", "Change")),
        t("Quelle", "Source"),
        t("Datenstand", "Vintage"),
      ],
      rows,
      { rowHeaders: true, empty: t("Keine Kennzahlen erfasst.", "No indicators recorded.") },
    ),
    ...charts,
  ]);
}

function reconciliationSection(ctx: Context): ReportSection {
  const { t, network } = ctx;
  const history = reconciliationHistory(network, { asOf: ctx.asOf });
  const rounds = history.rounds;
  const latest = rounds[rounds.length - 1];
  const divergence = (d: number | null | undefined) => (d === null || d === undefined ? "–" : ctx.num(d, 2));
  const dim = (r: (typeof rounds)[number], name: "expectations" | "workingMethods" | "selfInterests") =>
    divergence(r.dimensions.find((d) => d.dimension === name)?.divergence);
  const blocks: ReportBlock[] = [
    paragraph(
      t(
        "Im Erwartungsabgleich nennen die Partner regelmäßig ihre Erwartungen, Arbeitsweisen und Eigeninteressen und bewerten die Zusammenarbeit. Die Unterschiede werden als Abstand von 0 (gleiche Themen) bis 1 (nichts gemeinsam) gemessen.",
        "In the reconciliation of expectations the partners regularly state their expectations, working methods and self-interests and rate the cooperation. Differences are measured as a distance from 0 (same topics) to 1 (nothing shared).",
      ),
    ),
    table(
      t("Abgleichsrunden", "Reconciliation rounds"),
      [
        t("Runde", "Round"),
        t("Beginn", "Opened"),
        figure(t("Rückmeldequote", "Response rate")),
        figure(t("Erwartungen", "Expectations")),
        figure(t("Arbeitsweisen", "Working methods")),
        figure(t("Eigeninteressen", "Self-interests")),
      ],
      rounds.map((r) => [
        r.title,
        ctx.date(r.opensOn),
        ctx.pct(r.responseRate),
        dim(r, "expectations"),
        dim(r, "workingMethods"),
        dim(r, "selfInterests"),
      ]),
      {
        rowHeaders: true,
        empty: t(
          "Bis zum Stichtag gab es keine Abgleichsrunde.",
          "There was no round up to the reference date.",
        ),
      },
    ),
  ];
  const trend = history.trends[history.trends.length - 1];
  if (trend) {
    const word = (d: string) =>
      ({
        converging: t("näher beieinander", "converging"),
        diverging: t("weiter auseinander", "diverging"),
        stable: t("unverändert", "stable"),
        unknown: t("nicht bestimmbar", "unknown"),
      })[d] ?? d;
    blocks.push(
      paragraph(
        t(
          `Gegenüber der Runde davor: ${trend.dimensions.map((d) => `${labelOf("ReconciliationDimension", d.dimension, "de")} ${word(d.direction)}`).join(", ")}.${
            trend.stoppedResponding.length
              ? ` Nicht mehr geantwortet haben: ${enumerate(
                  trend.stoppedResponding.map((id) => ctx.names.actor(id)),
                  "de",
                )}.`
              : ""
          }`,
          `Compared with the round before: ${trend.dimensions.map((d) => `${labelOf("ReconciliationDimension", d.dimension, "en")} ${word(d.direction)}`).join(", ")}.${
            trend.stoppedResponding.length
              ? ` No longer answering: ${enumerate(
                  trend.stoppedResponding.map((id) => ctx.names.actor(id)),
                  "en",
                )}.`
              : ""
          }`,
        ),
      ),
    );
  }
  if (latest?.ratings.length) {
    const rated = latest.ratings.filter((r) => r.mean !== null);
    blocks.push(
      {
        type: "chart",
        title: t(`Bewertungen in „${latest.title}“`, `Ratings in “${latest.title}”`),
        alt: t(
          `Balkendiagramm der mittleren Bewertungen auf der Skala ${latest.scale.min} bis ${latest.scale.max}: ${rated.map((r) => `${r.de}: ${ctx.num(r.mean ?? 0, 1)} (Streuung ${ctx.num(r.standardDeviation ?? 0, 1)}, ${r.n} Antworten)`).join("; ")}.`,
          `Bar chart of mean ratings on the scale ${latest.scale.min} to ${latest.scale.max}: ${rated.map((r) => `${r.en}: ${ctx.num(r.mean ?? 0, 1)} (spread ${ctx.num(r.standardDeviation ?? 0, 1)}, ${r.n} answers)`).join("; ")}.`,
        ),
        unit: t(
          `Skala ${latest.scale.min}–${latest.scale.max}`,
          `Scale ${latest.scale.min}–${latest.scale.max}`,
        ),
        chart: {
          kind: "bar",
          max: latest.scale.max,
          categories: latest.ratings.map((r) => (ctx.locale === "de" ? r.de : r.en)),
          series: [
            {
              label: t("Mittelwert", "Mean"),
              values: latest.ratings.map((r) => ({
                value: r.mean,
                label: r.mean === null ? "–" : ctx.num(r.mean, 1),
              })),
            },
          ],
        },
      },
      table(
        t(`Bewertungen in „${latest.title}“`, `Ratings in “${latest.title}”`),
        [
          t("Frage", "Question"),
          figure(t("Mittelwert", "Mean")),
          figure(t("Streuung", "Spread")),
          figure(t("Antworten", "Answers")),
        ],
        latest.ratings.map((r) => [
          ctx.locale === "de" ? r.de : r.en,
          r.mean === null ? "–" : ctx.num(r.mean, 1),
          r.standardDeviation === null ? "–" : ctx.num(r.standardDeviation, 1),
          ctx.num(r.n, 0),
        ]),
        { rowHeaders: true },
      ),
    );
  }
  return section("reconciliation", t("Erwartungsabgleich", "Reconciliation of expectations"), blocks);
}

function continuitySection(ctx: Context): ReportSection {
  const { t, network, names } = ctx;
  const continuity = assessContinuity(network, { asOf: ctx.asOf, window: ctx.window });
  const seats = new Map(network.seat.map((s) => [s.id, s]));
  return section("continuity", t("Personelle Kontinuität", "Personnel continuity"), [
    paragraph(
      t(
        `Kontinuität in der Besetzung sichert den Beziehungsaufbau. Im Jahr ${ctx.year} haben ${ctx.pct(continuity.turnover)} der Ansprechpersonen, die zu Jahresbeginn zuständig waren, gewechselt (${continuity.turnover.numerator} von ${continuity.turnover.denominator}). Im Mittel wechselt ein Partner seine Ansprechperson ${continuity.meanChangesPerYear === null ? "–" : ctx.num(continuity.meanChangesPerYear, 2)}-mal im Jahr. ${continuity.vacantSeats.length === 1 ? "1 Sitz in einem Gremium ist" : `${continuity.vacantSeats.length} Sitze in Gremien sind`} am Stichtag unbesetzt.`,
        `Continuity of staffing secures the building of relationships. In ${ctx.year}, ${ctx.pct(continuity.turnover)} of the contacts in charge at the start of the year changed (${continuity.turnover.numerator} of ${continuity.turnover.denominator}). On average a partner changes its contact ${continuity.meanChangesPerYear === null ? "–" : ctx.num(continuity.meanChangesPerYear, 2)} times a year. ${continuity.vacantSeats.length === 1 ? "1 seat in a body is" : `${continuity.vacantSeats.length} seats in bodies are`} vacant on the reference date.`,
      ),
    ),
    table(
      t(`Übergaben im Jahr ${ctx.year}`, `Handovers in ${ctx.year}`),
      [
        t("Partner", "Partner"),
        t("Bis", "Until"),
        t("Nachfolge ab", "Successor from"),
        figure(t("Lücke in Tagen", "Gap in days")),
      ],
      continuity.handovers
        .slice(0, 25)
        .map((h) => [
          names.actor(h.actorId),
          ctx.date(h.endedOn),
          h.successorStartedOn ? ctx.date(h.successorStartedOn) : t("offen", "open"),
          h.gapDays === null ? "–" : ctx.num(h.gapDays, 0),
        ]),
      { rowHeaders: true, empty: t("Keine Übergaben in diesem Jahr.", "No handovers this year.") },
    ),
    table(
      t("Unbesetzte Sitze am Stichtag", "Vacant seats on the reference date"),
      [t("Gremium", "Body"), t("Sitz", "Seat"), t("Unbesetzt seit", "Vacant since")],
      continuity.seats
        .filter((s) => s.vacant)
        .slice(0, 25)
        .map((s) => [
          names.body(s.bodyId),
          seats.get(s.seatId)?.label ?? names.actor(s.actorId ?? undefined),
          s.vacantSince ? ctx.date(s.vacantSince) : "–",
        ]),
      { empty: t("Alle Sitze sind besetzt.", "All seats are filled.") },
    ),
  ]);
}

function officeSection(ctx: Context): ReportSection {
  const { t, network, names } = ctx;
  const office = network.coordinationOffice.find((o) => !o.deleted);
  if (!office)
    return section("office", t("Koordinierungsstelle", "Coordination office"), [
      paragraph(
        t(
          "Zur Koordinierungsstelle sind keine Angaben erfasst.",
          "Nothing is recorded about the coordination office.",
        ),
      ),
    ]);
  const placement = office.placements.find((p) => activeOn(p, ctx.asOf));
  const staffing = staffingOn(office, ctx.asOf);
  const programmes = network.fundingProgramme.filter(
    (p) =>
      !p.deleted && activeOn({ from: p.from, to: p.to }, ctx.asOf) && (!p.from || p.from <= ctx.window.to),
  );
  const firstYear = office.staffing.reduce((min, s) => Math.min(min, Number(s.from.slice(0, 4))), ctx.year);
  const years: number[] = [];
  for (let y = Math.max(firstYear, ctx.year - 15); y <= ctx.year; y++) years.push(y);
  const postsIn = (y: number) => staffingOn(office, y === ctx.year ? ctx.asOf : `${y}-12-31`)?.posts ?? 0;
  const fundingLabel = (f: string) => labelOf("StaffFunding", f, ctx.locale);
  return section(
    "office",
    t("Koordinierungsstelle: Personal und Finanzierung", "Coordination office: staff and funding"),
    [
      paragraph(
        t(
          `${office.name}${placement ? ` ist als ${labelOf("UnitKind", placement.unitKind, "de")} „${placement.unitName}“ angesiedelt${placement.reportsTo ? ` (${placement.reportsTo})` : ""}` : ""}. ${
            staffing
              ? `Am Stichtag hat sie ${staffing.posts} Stellen${staffing.fte === undefined ? "" : ` (${ctx.num(staffing.fte, 2)} Vollzeitäquivalente)`}, finanziert über: ${fundingLabel(staffing.funding)}${
                  staffing.fundingProgrammeIds.length
                    ? ` (${enumerate(
                        staffing.fundingProgrammeIds.map((id) => names.programme(id)),
                        "de",
                      )})`
                    : ""
                }.`
              : "Für den Stichtag ist keine Besetzung erfasst."
          }`,
          `${office.name}${placement ? ` is placed as ${labelOf("UnitKind", placement.unitKind, "en")} “${placement.unitName}”${placement.reportsTo ? ` (${placement.reportsTo})` : ""}` : ""}. ${
            staffing
              ? `On the reference date it has ${staffing.posts} posts${staffing.fte === undefined ? "" : ` (${ctx.num(staffing.fte, 2)} full-time equivalents)`}, funded by: ${fundingLabel(staffing.funding)}${
                  staffing.fundingProgrammeIds.length
                    ? ` (${enumerate(
                        staffing.fundingProgrammeIds.map((id) => names.programme(id)),
                        "en",
                      )})`
                    : ""
                }.`
              : "No staffing is recorded for the reference date."
          }`,
        ),
      ),
      {
        type: "chart",
        title: t("Stellen der Koordinierungsstelle je Jahr", "Posts of the coordination office per year"),
        alt: t(
          `Balkendiagramm der Stellen zum Jahresende: ${years.map((y) => `${y}: ${postsIn(y)}`).join("; ")}.`,
          `Bar chart of posts at the end of each year: ${years.map((y) => `${y}: ${postsIn(y)}`).join("; ")}.`,
        ),
        unit: t("Stellen", "Posts"),
        chart: {
          kind: "bar",
          categories: years.map(String),
          series: [
            {
              label: t("Stellen", "Posts"),
              values: years.map((y) => ({ value: postsIn(y), label: ctx.num(postsIn(y), 0) })),
            },
          ],
        },
      },
      table(
        t("Besetzung und Finanzierung im Zeitverlauf", "Staffing and funding over time"),
        [
          t("Zeitraum", "Period"),
          figure(t("Stellen", "Posts")),
          figure(t("VZÄ", "FTE")),
          t("Finanzierung", "Funding"),
          t("Programme", "Programmes"),
        ],
        office.staffing
          .filter((s) => s.from <= ctx.asOf)
          .map((s) => [
            `${ctx.date(s.from)} – ${s.to ? ctx.date(s.to) : t("heute", "today")}`,
            ctx.num(s.posts, 0),
            s.fte === undefined ? "–" : ctx.num(s.fte, 2),
            fundingLabel(s.funding),
            s.fundingProgrammeIds.map((id) => names.programme(id)).join(", ") || "–",
          ]),
        { empty: t("Keine Besetzung erfasst.", "No staffing recorded.") },
      ),
      table(
        t(`Förderprogramme im Jahr ${ctx.year}`, `Funding programmes in ${ctx.year}`),
        [t("Programm", "Programme"), t("Mittelgeber", "Funder"), t("Laufzeit", "Period")],
        programmes.map((p) => [
          p.name,
          p.funder,
          `${p.from ? ctx.date(p.from) : "–"} – ${p.to ? ctx.date(p.to) : t("offen", "open")}`,
        ]),
        {
          rowHeaders: true,
          empty: t("Kein Förderprogramm läuft in diesem Jahr.", "No funding programme runs this year."),
        },
      ),
      table(
        t("Meilensteine", "Milestones"),
        [t("Datum", "Date"), t("Ereignis", "Event")],
        office.milestones
          .filter((m) => m.date <= ctx.asOf)
          .map((m) => [m.precision === "year" ? m.date.slice(0, 4) : ctx.date(m.date), m.title]),
        { empty: t("Keine Meilensteine erfasst.", "No milestones recorded.") },
      ),
    ],
  );
}

function notesSection(ctx: Context, illustrative: boolean): ReportSection {
  const { t, network } = ctx;
  const sources = [...new Set(network.indicator.filter((i) => !i.deleted).map((i) => i.source))].sort();
  const items = [
    t(
      `Alle Zahlen sind aus dem Datenbestand der Koordinierungsstelle zum Stichtag ${ctx.date(ctx.asOf)} berechnet; die Regeln jeder Berechnung sind im Paket @oha/domain beschrieben.`,
      `All figures are computed from the coordination office's data on the reference date ${ctx.date(ctx.asOf)}; the rules of every computation are described in the @oha/domain package.`,
    ),
    t(
      "Anwesenheit: „vertreten“ zählt als anwesend, „entschuldigt“ als abwesend. Raten ohne Grundgesamtheit werden als „–“ gezeigt, nie als 0.",
      "Attendance: “represented” counts as present, “excused” as absent. Rates without anything to count are shown as “–”, never as 0.",
    ),
  ];
  if (sources.length)
    items.push(
      t(
        `Quellen der Kennzahlen: ${sources.join("; ")}.`,
        `Sources of the indicators: ${sources.join("; ")}.`,
      ),
    );
  if (illustrative)
    items.push(
      t(
        "Einträge, die als „veranschaulichend“ gekennzeichnet sind, sind erfunden und dienen nur der Veranschaulichung.",
        "Entries marked “illustrative” are invented and only serve as illustration.",
      ),
    );
  return section("notes", t("Hinweise zu Daten und Methoden", "Notes on data and methods"), [
    { type: "list", ordered: false, items },
  ]);
}
