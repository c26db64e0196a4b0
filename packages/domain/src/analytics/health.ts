import { z } from "zod";
import { LocalizedText, text } from "../common/i18n.js";
import { labelledEnum } from "../common/labels.js";
import { IsoDate } from "../common/record.js";
import type { ActorId, ActorKind } from "../model/actor.js";
import type { Network } from "../model/entities.js";
import type { Frequency } from "../model/indicator.js";
import {
  Inhibitor,
  inhibitorLabels,
  type MaturityAssessment,
  MaturityAssessmentId,
  SuccessFactor,
  successFactorLabels,
} from "../model/maturity.js";
import { staffFundingLabels, staffingOn } from "../model/office.js";
import { reconciliationDimensionLabels } from "../model/reconciliation.js";
import { assessContinuity, type ContinuityAssessment, holderRoles } from "./continuity.js";
import {
  flattenGoalProgress,
  type GoalProgressReport,
  latestObservation,
  rollUpGoalProgress,
  wholeRegionKeys,
} from "./goals.js";
import { findOverlaps, type OverlapOptions, type OverlapResult } from "./overlaps.js";
import { assessParticipation, meetingWasHeld, type ParticipationAssessment } from "./participation.js";
import { type AnalysisInput, analysisReads } from "./reads.js";
import {
  AnalysisWindow,
  addCalendarMonths,
  goalRealisationFromReport,
  measureRealisation,
  type Rate,
  rateOf,
  windowEndingOn,
} from "./realisation.js";
import { type ReconciliationHistory, reconciliationHistory, type TrendDirection } from "./reconciliation.js";
import { assessStandards, type StandardsAssessment, standardStatusesInForce } from "./standards.js";
import { Count, fieldsOf, orNull, Share } from "./wire.js";

/** German and English labels of {@link HealthLevel}. */
export const healthLevelLabels = {
  strong: text("Stark", "Strong"),
  adequate: text("Ausreichend", "Adequate"),
  weak: text("Schwach", "Weak"),
  unknown: text("Unbekannt (zu wenig Daten)", "Unknown (too little data)"),
} as const;
/** How well the network's data show a success factor to be in place. */
export const HealthLevel = labelledEnum("HealthLevel", healthLevelLabels);
/** One of {@link HealthLevel}. */
export type HealthLevel = z.infer<typeof HealthLevel>;

/** German and English labels of {@link InhibitorLevel}. */
export const inhibitorLevelLabels = {
  high: text("Stark ausgeprägt", "High"),
  moderate: text("Mittel", "Moderate"),
  low: text("Gering", "Low"),
  unknown: text("Nicht bestimmbar (zu wenig Daten)", "Unknown (too little data)"),
} as const;
/** How strongly an inhibitor weighs on the network. */
export const InhibitorLevel = labelledEnum("InhibitorLevel", inhibitorLevelLabels);
/** One of {@link InhibitorLevel}. */
export type InhibitorLevel = z.infer<typeof InhibitorLevel>;

/** One finding behind an assessment: a sentence with the figures and record ids it rests on. */
export const HealthEvidence = z
  .strictObject({
    text: LocalizedText,
    figures: z.record(z.string(), z.number().nullable()).meta({
      description: "The figures named in the text, by name; null where a figure cannot be computed.",
    }),
    ids: z.array(z.string()).meta({ description: "The ids of the records the finding rests on." }),
  })
  .meta({
    id: "HealthEvidence",
    description:
      "One finding behind an assessment: a sentence in German and English with the figures and record ids it rests on.",
  });
/** One finding behind an assessment. */
export type HealthEvidence = z.infer<typeof HealthEvidence>;

/** What the partners' maturity self-assessment says about a factor or inhibitor. */
export const SelfAssessmentSignal = z
  .strictObject({
    assessmentId: MaturityAssessmentId,
    wave: z.string(),
    date: IsoDate,
    itemKeys: z.array(z.string()),
    answers: Count,
    mean: z.number().meta({ description: "The mean answer on the assessment's scale." }),
    normalised: Share.meta({
      description: "The mean answer mapped to 0..1 (scale minimum → 0, maximum → 1).",
    }),
  })
  .meta({ id: "SelfAssessmentSignal" });
/** What the partners' maturity self-assessment says about a factor or inhibitor. */
export type SelfAssessmentSignal = z.infer<typeof SelfAssessmentSignal>;

/** German and English labels of {@link HealthBasis}. */
export const healthBasisLabels = {
  data: text("Aus den Daten", "From the records"),
  self_assessment: text("Aus der Selbsteinschätzung", "From the self-assessment"),
  none: text("Keine Grundlage", "No basis"),
} as const;
/** Where a level comes from: computed from records, from the self-assessment alone, or nowhere. */
export const HealthBasis = labelledEnum("HealthBasis", healthBasisLabels);
/** One of {@link HealthBasis}. */
export type HealthBasis = z.infer<typeof HealthBasis>;

/** The assessment of one success factor. */
export const FactorAssessment = z
  .strictObject({
    factor: SuccessFactor,
    label: LocalizedText,
    level: HealthLevel,
    levelLabel: LocalizedText,
    basis: HealthBasis,
    /** The rule that turns the evidence into the level. */
    rule: LocalizedText,
    evidence: z.array(HealthEvidence),
    selfAssessment: orNull(SelfAssessmentSignal),
    improve: z
      .array(LocalizedText)
      .meta({ description: "Which data would make the assessment better founded." }),
  })
  .meta({ id: "FactorAssessment" });
/** The assessment of one success factor. */
export type FactorAssessment = z.infer<typeof FactorAssessment>;

/** The assessment of one inhibitor. */
export const InhibitorAssessment = z
  .strictObject({
    inhibitor: Inhibitor,
    label: LocalizedText,
    level: InhibitorLevel,
    levelLabel: LocalizedText,
    basis: HealthBasis,
    /** The rule that turns the evidence into the level. */
    rule: LocalizedText,
    evidence: z.array(HealthEvidence),
    selfAssessment: orNull(SelfAssessmentSignal),
    improve: z
      .array(LocalizedText)
      .meta({ description: "Which data would make the assessment better founded." }),
  })
  .meta({ id: "InhibitorAssessment" });
/** The assessment of one inhibitor. */
export type InhibitorAssessment = z.infer<typeof InhibitorAssessment>;

/** Options of {@link assessNetworkHealth}. */
export interface NetworkHealthOptions {
  /** The reference date (ISO `YYYY-MM-DD`). */
  readonly asOf: string;
  /** The window for attendance, meetings, decisions and turnover; default the twelve months up to `asOf`. */
  readonly window?: AnalysisWindow;
  /** Days without involvement after which a partner counts as not involved (default 365). */
  readonly inactiveAfterDays?: number;
  /** Options for the overlap finder behind "no redundant offers". */
  readonly overlap?: OverlapOptions;
  /**
   * A result of {@link findOverlaps} over the current and planned offers (not cancelled, not ended
   * before `asOf`) that the caller already has, to reuse instead of computing it again.
   */
  readonly overlaps?: OverlapResult;
}

/** Which success factors and inhibitors stand at which level; there is deliberately no single score. */
export const HealthSummary = z
  .strictObject({
    factors: fieldsOf(HealthLevel.options, z.array(SuccessFactor)),
    inhibitors: fieldsOf(InhibitorLevel.options, z.array(Inhibitor)),
  })
  .meta({ id: "HealthSummary" });
/** Which success factors and inhibitors stand at which level. */
export type HealthSummary = z.infer<typeof HealthSummary>;

/** One transparent assessment per success factor and inhibitor of the seed, with a summary of its parts (the result of {@link assessNetworkHealth}). */
export const NetworkHealth = z
  .strictObject({
    asOf: IsoDate,
    window: AnalysisWindow,
    factors: z.array(FactorAssessment),
    inhibitors: z.array(InhibitorAssessment),
    summary: HealthSummary,
  })
  .meta({
    id: "NetworkHealth",
    description:
      "One transparent assessment per success factor and inhibitor, each with its level, rule, evidence and the data that would improve it; the summary lists them by level, with no overall score.",
  });
/** One transparent assessment per success factor and inhibitor, with a summary of its parts. */
export type NetworkHealth = z.infer<typeof NetworkHealth>;

interface Draft<L extends string> {
  readonly level: L | "unknown";
  readonly rule: LocalizedText;
  readonly evidence: HealthEvidence[];
  readonly improve: LocalizedText[];
}

/** The records the health assessment reads. */
type HealthInput = AnalysisInput<"assessNetworkHealth">;

interface Context {
  readonly network: HealthInput;
  readonly asOf: string;
  readonly window: AnalysisWindow;
  readonly participation: ParticipationAssessment;
  readonly continuity: ContinuityAssessment;
  readonly standards: StandardsAssessment;
  readonly reconciliation: ReconciliationHistory;
  readonly goals: GoalProgressReport;
  readonly overlap: OverlapOptions;
  readonly overlaps: OverlapResult | undefined;
}

/** The records read, without soft-deleted ones, so the rules below need not filter again. */
const liveNetwork = (network: HealthInput): HealthInput =>
  Object.fromEntries(
    analysisReads.assessNetworkHealth.map((name) => [
      name,
      (network[name] as readonly { deleted: boolean }[]).filter((x) => !x.deleted),
    ]),
  ) as HealthInput;
const active = (r: { from?: string | undefined; to?: string | undefined }, date: string) =>
  (!r.from || r.from <= date) && (!r.to || r.to >= date);
const ev = (
  t: LocalizedText,
  figures: Record<string, number | null> = {},
  ids: readonly string[] = [],
): HealthEvidence => ({ text: t, figures, ids: [...ids] });
const pct = (x: number | null): LocalizedText =>
  x === null ? text("–", "–") : text(`${Math.round(x * 100)} %`, `${Math.round(x * 100)}%`);
const dec = (x: number | null, digits = 1): LocalizedText =>
  x === null ? text("–", "–") : text(x.toFixed(digits).replace(".", ","), x.toFixed(digits));
const rateText = (r: Rate, de: string, en: string): LocalizedText => {
  const p = pct(r.value);
  return text(
    `${de}: ${r.numerator} von ${r.denominator} (${p.de})`,
    `${en}: ${r.numerator} of ${r.denominator} (${p.en})`,
  );
};

const trendLabels: Record<TrendDirection, LocalizedText> = {
  converging: text("angenähert", "converging"),
  diverging: text("auseinanderentwickelt", "diverging"),
  stable: text("unverändert", "stable"),
  unknown: text("nicht vergleichbar", "not comparable"),
};

/** Actor kinds that count as close to business (wirtschaftsnahe Organisationen). */
export const businessActorKinds: readonly ActorKind[] = ["chamber", "employer", "association", "union"];

/** Months between two figures of an indicator, by its reporting frequency. */
const frequencyMonths: Record<Frequency, number> = {
  school_year: 12,
  yearly: 12,
  half_yearly: 6,
  quarterly: 3,
  monthly: 1,
  irregular: 24,
};

function politicalBacking(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Vier Anzeichen: Kreistags- oder Verstetigungsbeschluss, Stellen aus dem Haushalt, Verortung mit Berichtsweg zur Leitung, Politik in einem entscheidenden Gremium. Drei oder vier: stark, zwei: ausreichend, sonst schwach.",
    "Four signs: council or permanence resolution, posts from the core budget, placement with a reporting line to the leadership, politics in a deciding body. Three or four: strong, two: adequate, otherwise weak.",
  );
  const offices = c.network.coordinationOffice;
  const bodies = c.network.body;
  const improve = [
    text(
      "Beschlüsse des Kreistags und die Verstetigung als Meilensteine der Koordinierungsstelle erfassen.",
      "Record council resolutions and the move to permanence as milestones of the office.",
    ),
    text(
      "Finanzierung der Stellen und Verortung im Organigramm mit Berichtsweg pflegen.",
      "Keep the funding of posts and the placement with its reporting line up to date.",
    ),
    text(
      "Sitze der Politik im Steuerkreis mit Mitgliedschaften hinterlegen.",
      "Record the seats of politics in the steering group with memberships.",
    ),
  ];
  if (offices.length === 0 && bodies.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const evidence: HealthEvidence[] = [];
  let signs = 0;
  const resolutions = offices.flatMap((o) =>
    o.milestones.filter(
      (m) => (m.kind === "council_resolution" || m.kind === "made_permanent") && m.date <= c.asOf,
    ),
  );
  if (resolutions.length > 0) signs += 1;
  const latest = resolutions
    .map((m) => m.date)
    .sort()
    .at(-1);
  evidence.push(
    ev(
      resolutions.length
        ? text(
            `${resolutions.length} Beschluss/Beschlüsse zur Verstetigung, zuletzt ${latest}.`,
            `${resolutions.length} resolution(s) on permanence, latest ${latest}.`,
          )
        : text(
            "Kein Kreistags- oder Verstetigungsbeschluss erfasst.",
            "No council or permanence resolution recorded.",
          ),
      { resolutions: resolutions.length },
      offices.map((o) => o.id),
    ),
  );
  const staffing = offices.map((o) => staffingOn(o, c.asOf)).find((s) => s !== undefined);
  const permanent = staffing !== undefined && staffing.funding !== "programme";
  if (permanent) signs += 1;
  evidence.push(
    ev(
      staffing
        ? text(
            `Aktuell ${staffing.posts} Stelle(n), Finanzierung: ${staffFundingLabels[staffing.funding].de}.`,
            `Currently ${staffing.posts} post(s), funding: ${staffFundingLabels[staffing.funding].en}.`,
          )
        : text("Keine aktuelle Stellenausstattung erfasst.", "No current staffing recorded."),
      { posts: staffing?.posts ?? null, permanentFunding: staffing ? (permanent ? 1 : 0) : null },
    ),
  );
  const placement = offices.flatMap((o) => o.placements).find((p) => active(p, c.asOf));
  const anchored =
    placement !== undefined &&
    placement.unitKind !== "project" &&
    placement.unitKind !== "external" &&
    !!placement.reportsTo;
  if (anchored) signs += 1;
  evidence.push(
    ev(
      placement
        ? text(
            `Verortung: ${placement.unitName}${placement.reportsTo ? `, berichtet an ${placement.reportsTo}` : ", ohne erfassten Berichtsweg"}.`,
            `Placement: ${placement.unitName}${placement.reportsTo ? `, reports to ${placement.reportsTo}` : ", no reporting line recorded"}.`,
          )
        : text(
            "Keine aktuelle Verortung im Organigramm erfasst.",
            "No current placement in the organisation chart recorded.",
          ),
      { anchored: placement ? (anchored ? 1 : 0) : null },
    ),
  );
  const politics = new Set(c.network.actor.filter((a) => a.kind === "politics").map((a) => a.id));
  const deciding = new Set(
    bodies.filter((b) => b.decisionAuthority === "decides" && active(b, c.asOf)).map((b) => b.id),
  );
  const seated = new Set<ActorId>();
  for (const m of c.network.membership)
    if (
      m.actorId &&
      politics.has(m.actorId) &&
      deciding.has(m.bodyId) &&
      holderRoles.includes(m.role) &&
      active(m, c.asOf)
    )
      seated.add(m.actorId);
  for (const s of c.network.seat)
    if (s.actorId && politics.has(s.actorId) && deciding.has(s.bodyId) && active(s, c.asOf))
      seated.add(s.actorId);
  if (seated.size > 0) signs += 1;
  evidence.push(
    ev(
      text(
        `${seated.size} Akteur(e) der Politik mit Sitz in einem entscheidenden Gremium.`,
        `${seated.size} political actor(s) with a seat in a deciding body.`,
      ),
      { politicalActorsSeated: seated.size, decidingBodies: deciding.size },
      [...seated],
    ),
  );
  return { level: signs >= 3 ? "strong" : signs === 2 ? "adequate" : "weak", rule, evidence, improve };
}

function personnelContinuity(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Stark: höchstens 15 % der Ansprechpersonen im Zeitraum gewechselt und höchstens 10 % der Sitze unbesetzt; schwach: mehr als 30 % gewechselt oder mehr als 25 % unbesetzt; sonst ausreichend. Eine nur aus Programmmitteln finanzierte Koordinierungsstelle begrenzt auf „ausreichend“.",
    "Strong: at most 15% of contacts changed in the window and at most 10% of seats vacant; weak: more than 30% changed or more than 25% vacant; otherwise adequate. An office funded only by a programme caps it at adequate.",
  );
  const improve = [
    text(
      "Wechsel als Übergabe erfassen (Ende, Grund, Nachfolge) statt Personen zu löschen.",
      "Record changes as handovers (end, reason, successor) instead of deleting people.",
    ),
    text(
      "Sitze und ihre Inhaberinnen und Inhaber in den Gremien pflegen.",
      "Keep seats and their holders in the bodies up to date.",
    ),
  ];
  const k = c.continuity;
  const existingSeats = k.seats.filter((s) => s.vacant || s.currentHolderMembershipIds.length > 0).length;
  const vacancy = rateOf(k.vacantSeats.length, existingSeats);
  if (k.turnover.value === null && vacancy.value === null)
    return { level: "unknown", rule, evidence: [], improve };
  const evidence: HealthEvidence[] = [
    ev(rateText(k.turnover, "Wechsel der Ansprechpersonen im Zeitraum", "Contacts changed in the window"), {
      turnover: k.turnover.value,
      changed: k.turnover.numerator,
      contacts: k.turnover.denominator,
    }),
    ev(rateText(vacancy, "Unbesetzte Sitze", "Vacant seats"), { vacancy: vacancy.value }, k.vacantSeats),
    ev(
      text(
        `Im Mittel ${dec(k.meanChangesPerYear, 2).de} Wechsel je Partner und Jahr.`,
        `On average ${dec(k.meanChangesPerYear, 2).en} changes per partner and year.`,
      ),
      { meanChangesPerYear: k.meanChangesPerYear },
    ),
  ];
  const gaps = k.handovers.filter((h) => h.gapDays === null || h.gapDays > 30);
  evidence.push(
    ev(
      text(
        `${k.handovers.length} Übergabe(n) im Zeitraum, davon ${gaps.length} ohne Nachfolge innerhalb von 30 Tagen.`,
        `${k.handovers.length} handover(s) in the window, ${gaps.length} without a successor within 30 days.`,
      ),
      { handovers: k.handovers.length, handoversWithGap: gaps.length },
      gaps.map((h) => h.affiliationId),
    ),
  );
  const t = k.turnover.value ?? 0;
  const v = vacancy.value ?? 0;
  let level: HealthLevel = t > 0.3 || v > 0.25 ? "weak" : t <= 0.15 && v <= 0.1 ? "strong" : "adequate";
  const staffing = c.network.coordinationOffice
    .map((o) => staffingOn(o, c.asOf))
    .find((s) => s !== undefined);
  if (staffing?.funding === "programme") {
    evidence.push(
      ev(
        text(
          "Die Stellen der Koordinierungsstelle hängen allein an einer Programmförderung.",
          "The office's posts depend on programme funding alone.",
        ),
        { posts: staffing.posts },
      ),
    );
    if (level === "strong") level = "adequate";
  }
  return { level, rule, evidence, improve };
}

function empoweredBodies(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Stark: ein aktives Gremium mit Beschlusskompetenz hat im Zeitraum Beschlüsse gefasst; ausreichend: ein solches Gremium besteht, oder ein empfehlendes Gremium hat beschlossen; sonst schwach.",
    "Strong: an active body with decision authority took decisions in the window; adequate: such a body exists, or a recommending body took decisions; otherwise weak.",
  );
  const improve = [
    text("Beschlüsse in den Sitzungsprotokollen erfassen.", "Record decisions in the meeting minutes."),
    text("Die Entscheidungskompetenz jedes Gremiums angeben.", "State the decision authority of every body."),
  ];
  const bodies = c.network.body.filter((b) => active(b, c.asOf));
  if (c.network.body.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const decisionsBy = new Map<string, number>();
  for (const m of c.network.meeting) {
    const date = m.start.slice(0, 10);
    if (!meetingWasHeld(m) || date < c.window.from || date > c.window.to || date > c.asOf) continue;
    decisionsBy.set(m.bodyId, (decisionsBy.get(m.bodyId) ?? 0) + m.decisions.length);
  }
  const deciding = bodies.filter((b) => b.decisionAuthority === "decides");
  const recommending = bodies.filter((b) => b.decisionAuthority === "recommends");
  const decidingWithDecisions = deciding.filter((b) => (decisionsBy.get(b.id) ?? 0) > 0);
  const recommendingWithDecisions = recommending.filter((b) => (decisionsBy.get(b.id) ?? 0) > 0);
  const decisions = deciding.reduce((s, b) => s + (decisionsBy.get(b.id) ?? 0), 0);
  const evidence = [
    ev(
      text(
        `${deciding.length} aktive(s) Gremium/Gremien mit Beschlusskompetenz, ${recommending.length} mit Empfehlungskompetenz.`,
        `${deciding.length} active body/bodies with decision authority, ${recommending.length} that recommend.`,
      ),
      {
        decidingBodies: deciding.length,
        recommendingBodies: recommending.length,
        activeBodies: bodies.length,
      },
      deciding.map((b) => b.id),
    ),
    ev(
      text(
        `${decisions} Beschluss/Beschlüsse der entscheidenden Gremien im Zeitraum.`,
        `${decisions} decision(s) of the deciding bodies in the window.`,
      ),
      { decisions },
      decidingWithDecisions.map((b) => b.id),
    ),
  ];
  const level: HealthLevel =
    decidingWithDecisions.length > 0
      ? "strong"
      : deciding.length > 0 || recommendingWithDecisions.length > 0
        ? "adequate"
        : "weak";
  return { level, rule, evidence, improve };
}

function bindingAgreement(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Stark: eine Vereinbarung ist in Kraft, mindestens 75 % der Partner haben unterschrieben und mindestens 75 % ihrer Ziele sind klar (Indikator, Ausgangswert, Zielwert, Frist); ausreichend: eine Vereinbarung ist in Kraft; schwach: keine in Kraft.",
    "Strong: an agreement is in force, at least 75% of its partners signed and at least 75% of its goals are clear (indicator, baseline, target, deadline); adequate: an agreement is in force; weak: none in force.",
  );
  const improve = [
    text(
      "Kooperationsvereinbarung mit Status, Geltung und Unterschriften erfassen.",
      "Record the cooperation agreement with status, validity and signatures.",
    ),
    text(
      "Ziele der Vereinbarung mit Indikator, Ausgangswert, Zielwert und Frist hinterlegen.",
      "Give the agreement's goals an indicator, baseline, target and deadline.",
    ),
  ];
  const agreements = c.network.agreement.filter(
    (a) =>
      a.kind === "cooperation_agreement" ||
      a.kind === "framework_concept" ||
      a.kind === "youth_employment_agency",
  );
  if (agreements.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const inForce = agreements.filter(
    (a) =>
      a.status === "in_force" &&
      (!a.validFrom || a.validFrom <= c.asOf) &&
      (!a.validTo || a.validTo >= c.asOf),
  );
  const evidence: HealthEvidence[] = [
    ev(
      text(
        `${inForce.length} von ${agreements.length} Vereinbarung(en) am Stichtag in Kraft.`,
        `${inForce.length} of ${agreements.length} agreement(s) in force on the reference date.`,
      ),
      { agreements: agreements.length, inForce: inForce.length },
      inForce.map((a) => a.id),
    ),
  ];
  if (inForce.length === 0) return { level: "weak", rule, evidence, improve };
  const inForceIds = new Set<string>(inForce.map((a) => a.id));
  let parties = 0;
  let signed = 0;
  for (const a of inForce) {
    const signers = new Set(a.signatures.filter((s) => s.signedOn <= c.asOf).map((s) => s.actorId));
    const partyIds = a.partyActorIds.length ? a.partyActorIds : [...signers];
    parties += partyIds.length;
    signed += partyIds.filter((id) => signers.has(id)).length;
  }
  const signatures = rateOf(signed, parties);
  const goals = c.network.goal.filter(
    (g) => g.agreementId && inForceIds.has(g.agreementId) && g.state === "active",
  );
  const clearGoals = goals.filter((g) => g.indicatorId && g.baseline && g.target !== undefined && g.deadline);
  const clarity = rateOf(clearGoals.length, goals.length);
  evidence.push(
    ev(rateText(signatures, "Unterschriften der Partner", "Partners who signed"), {
      signedShare: signatures.value,
    }),
    ev(
      rateText(
        clarity,
        "Klare Ziele (Indikator, Ausgangswert, Zielwert, Frist)",
        "Clear goals (indicator, baseline, target, deadline)",
      ),
      { clearGoalShare: clarity.value, goals: goals.length },
      goals.filter((g) => !clearGoals.includes(g)).map((g) => g.id),
    ),
  );
  const goalIds = new Set<string>(goals.map((g) => g.id));
  const progress = flattenGoalProgress(c.goals.roots).filter((g) => goalIds.has(g.goalId));
  const counts = { achieved: 0, on_track: 0, at_risk: 0, missed: 0, no_data: 0 };
  for (const g of progress) counts[g.status] += 1;
  evidence.push(
    ev(
      text(
        `Stand der Ziele: ${counts.achieved} erreicht, ${counts.on_track} im Plan, ${counts.at_risk} gefährdet, ${counts.missed} verfehlt, ${counts.no_data} ohne Daten.`,
        `Goals: ${counts.achieved} achieved, ${counts.on_track} on track, ${counts.at_risk} at risk, ${counts.missed} missed, ${counts.no_data} without data.`,
      ),
      counts,
    ),
  );
  const realised = goalRealisationFromReport(c.goals, { asOf: c.asOf, goalIds: goalIds });
  evidence.push(
    ev(
      rateText(
        realised.realisationRate,
        "Realisierungsgrad der Ziele der Vereinbarung mit abgelaufener Frist",
        "Realisation of the agreement's goals past their deadline",
      ),
      { goalRealisation: realised.realisationRate.value },
      [...realised.missed, ...realised.dropped],
    ),
  );
  const level: HealthLevel =
    (signatures.value ?? 0) >= 0.75 && (clarity.value ?? 0) >= 0.75 ? "strong" : "adequate";
  return { level, rule, evidence, improve };
}

function regularReconciliation(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Stark: eine Abgleichsrunde in den letzten 12 Monaten, mindestens zwei in 24 Monaten und mindestens 70 % Rücklauf in der letzten abgeschlossenen Runde; ausreichend: eine Runde in den letzten 24 Monaten; sonst schwach.",
    "Strong: a round in the last 12 months, at least two in 24 months and at least 70% response in the last closed round; adequate: a round in the last 24 months; otherwise weak.",
  );
  const improve = [
    text(
      "Abgleichsrunden zu Erwartungen, Arbeitsweisen und Eigeninteressen regelmäßig durchführen und erfassen.",
      "Hold and record rounds on expectations, working methods and self-interests regularly.",
    ),
  ];
  const rounds = c.reconciliation.rounds;
  if (rounds.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const lastYear = addCalendarMonths(c.asOf, -12);
  const twoYears = addCalendarMonths(c.asOf, -24);
  const recent = rounds.filter((r) => r.opensOn > twoYears);
  const last = rounds[rounds.length - 1] as (typeof rounds)[number];
  const closed =
    [...rounds]
      .reverse()
      .find(
        (r) =>
          r.status === "closed" || r.status === "evaluated" || (r.closesOn !== null && r.closesOn < c.asOf),
      ) ?? last;
  const evidence: HealthEvidence[] = [
    ev(
      text(
        `${rounds.length} Runde(n) insgesamt, ${recent.length} in den letzten 24 Monaten, zuletzt eröffnet am ${last.opensOn}.`,
        `${rounds.length} round(s) in all, ${recent.length} in the last 24 months, latest opened on ${last.opensOn}.`,
      ),
      { rounds: rounds.length, roundsLast24Months: recent.length },
      recent.map((r) => r.roundId),
    ),
    ev(
      rateText(closed.responseRate, `Rücklauf in „${closed.title}“`, `Response in “${closed.title}”`),
      { responseRate: closed.responseRate.value },
      closed.notResponded,
    ),
  ];
  const trend = c.reconciliation.trends.at(-1);
  if (trend) {
    const parts = (locale: "de" | "en") =>
      trend.dimensions
        .map(
          (d) => `${reconciliationDimensionLabels[d.dimension][locale]}: ${trendLabels[d.direction][locale]}`,
        )
        .join(", ");
    evidence.push(
      ev(
        text(
          `Entwicklung zur vorigen Runde: ${parts("de")}.`,
          `Trend since the previous round: ${parts("en")}.`,
        ),
        Object.fromEntries(trend.dimensions.map((d) => [d.dimension, d.change])),
        [trend.fromRoundId, trend.toRoundId],
      ),
    );
  }
  const level: HealthLevel =
    last.opensOn > lastYear && recent.length >= 2 && (closed.responseRate.value ?? 0) >= 0.7
      ? "strong"
      : recent.length > 0
        ? "adequate"
        : "weak";
  return { level, rule, evidence, improve };
}

function partnerInvolvement(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Stark: mindestens 75 % Teilnahme, höchstens 10 % der Partner länger nicht beteiligt und kein Gremium unter seiner Sitzungszahl; schwach: unter 50 % Teilnahme oder mehr als 30 % nicht beteiligt; sonst ausreichend.",
    "Strong: at least 75% attendance, at most 10% of partners not involved for long and no body below its meeting target; weak: below 50% attendance or more than 30% not involved; otherwise adequate.",
  );
  const improve = [
    text(
      "Anwesenheit in jeder Sitzung erfassen (auch Vertretung und Entschuldigung).",
      "Record attendance at every meeting (including stand-ins and apologies).",
    ),
    text(
      "Sitze und Mitgliedschaften der Partner in den Gremien pflegen.",
      "Keep the partners' seats and memberships in the bodies up to date.",
    ),
  ];
  const p = c.participation;
  if (p.overall.denominator === 0) return { level: "unknown", rule, evidence: [], improve };
  const inactive = rateOf(p.inactivePartners.length, p.involvement.length);
  const evidence: HealthEvidence[] = [
    ev(
      rateText(
        p.overall,
        "Teilnahme der erwarteten Partner (anwesend oder vertreten)",
        "Attendance of expected partners (present or represented)",
      ),
      {
        attendance: p.overall.value,
      },
    ),
    ev(
      rateText(
        inactive,
        `Partner seit mehr als ${p.inactiveAfterDays} Tagen nicht beteiligt`,
        `Partners not involved for more than ${p.inactiveAfterDays} days`,
      ),
      { inactiveShare: inactive.value },
      p.inactivePartners,
    ),
    ev(
      text(
        `${p.bodiesBelowTarget.length} von ${p.bodies.length} Gremien tagten seltener als vorgesehen.`,
        `${p.bodiesBelowTarget.length} of ${p.bodies.length} bodies met less often than planned.`,
      ),
      { bodiesBelowTarget: p.bodiesBelowTarget.length, bodies: p.bodies.length },
      p.bodiesBelowTarget,
    ),
  ];
  if (p.meetingsWithoutAttendance.length)
    evidence.push(
      ev(
        text(
          `${p.meetingsWithoutAttendance.length} Sitzung(en) ohne erfasste Anwesenheit wurden nicht gezählt.`,
          `${p.meetingsWithoutAttendance.length} meeting(s) without recorded attendance were not counted.`,
        ),
        { meetingsWithoutAttendance: p.meetingsWithoutAttendance.length },
        p.meetingsWithoutAttendance,
      ),
    );
  const realisation = measureRealisation(c.network, { asOf: c.asOf, window: c.window });
  evidence.push(
    ev(
      rateText(
        realisation.realisationRate,
        "Zur Einordnung – Realisierungsgrad der im Zeitraum geplanten Maßnahmen",
        "For context – realisation of the measures planned in the window",
      ),
      { realisation: realisation.realisationRate.value },
      [...realisation.cancelled, ...realisation.overdue],
    ),
  );
  const a = p.overall.value ?? 0;
  const i = inactive.value ?? 0;
  const level: HealthLevel =
    a < 0.5 || i > 0.3
      ? "weak"
      : a >= 0.75 && i <= 0.1 && p.bodiesBelowTarget.length === 0
        ? "strong"
        : "adequate";
  return { level, rule, evidence, improve };
}

function standardsInForce(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Stark: Standards in Kraft, mindestens 60 % der Übernahmen umgesetzt, keine Wirksamkeitsprüfung überfällig und jede Schnittstelle mit Verantwortung; schwach: kein Standard in Kraft oder unter 30 % umgesetzt; sonst ausreichend.",
    "Strong: standards in force, at least 60% of adoptions implemented, no effectiveness review overdue and every interface owned; weak: no standard in force or under 30% implemented; otherwise adequate.",
  );
  const improve = [
    text(
      "Die Übernahme jedes Standards je Akteur erfassen.",
      "Record each actor's adoption of every standard.",
    ),
    text(
      "Wirksamkeitsprüfungen mit Ergebnis und nächstem Termin erfassen.",
      "Record effectiveness reviews with result and next date.",
    ),
    text(
      "Für jede Schnittstelle eine Verantwortung festlegen.",
      "Assign a responsibility to every interface.",
    ),
  ];
  const standards = c.network.standard;
  if (standards.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const inForce = standards.filter((s) => standardStatusesInForce.includes(s.status));
  const inForceIds = new Set<string>(inForce.map((s) => s.id));
  let implemented = 0;
  let entries = 0;
  for (const col of c.standards.adoption.standards) {
    if (!inForceIds.has(col.standardId)) continue;
    implemented += col.counts.implemented;
    entries += col.implementation.denominator;
  }
  const implementation = rateOf(implemented, entries);
  const s = c.standards;
  const evidence: HealthEvidence[] = [
    ev(
      text(
        `${inForce.length} von ${standards.length} Standards in Kraft.`,
        `${inForce.length} of ${standards.length} standards in force.`,
      ),
      { standards: standards.length, inForce: inForce.length },
      inForce.map((x) => x.id),
    ),
    ev(rateText(implementation, "Umgesetzte Übernahmen", "Adoptions implemented"), {
      implementation: implementation.value,
    }),
    ev(
      text(
        `${s.overdueReviews.length} Wirksamkeitsprüfung(en) überfällig.`,
        `${s.overdueReviews.length} effectiveness review(s) overdue.`,
      ),
      { overdueReviews: s.overdueReviews.length },
      s.overdueReviews,
    ),
    ev(
      text(
        `${s.unownedInterfaces.length} Schnittstelle(n) ohne Verantwortung.`,
        `${s.unownedInterfaces.length} interface(s) without a responsible actor.`,
      ),
      { unownedInterfaces: s.unownedInterfaces.length },
      s.unownedInterfaces.map((u) => u.interfaceId),
    ),
  ];
  const value = implementation.value;
  const level: HealthLevel =
    inForce.length === 0 || (value !== null && value < 0.3)
      ? "weak"
      : value !== null && value >= 0.6 && s.overdueReviews.length === 0 && s.unownedInterfaces.length === 0
        ? "strong"
        : "adequate";
  return { level, rule, evidence, improve };
}

function noRedundantOffers(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Betrachtet werden laufende und geplante Angebote. Stark: höchstens 5 % stecken in möglichen Doppelungen und keine ist als redundant bestätigt; schwach: mehr als 20 %; sonst ausreichend.",
    "Current and planned offers count. Strong: at most 5% are in possible overlaps and none is confirmed redundant; weak: more than 20%; otherwise adequate.",
  );
  const improve = [
    text(
      "Angebote mit Kategorie, Zielgruppen, Gebiet und Zeitraum vollständig erfassen.",
      "Record offers completely with category, target groups, area and period.",
    ),
    text(
      "Gemeldete Überschneidungen prüfen und das Ergebnis festhalten.",
      "Review the reported overlaps and record the verdict.",
    ),
  ];
  const current = c.network.measure.filter((m) => m.status !== "cancelled" && (!m.to || m.to >= c.asOf));
  if (current.length < 2) return { level: "unknown", rule, evidence: [], improve };
  const result = c.overlaps ?? findOverlaps(current, { reviews: c.network.overlapReview, ...c.overlap });
  const involved = new Set<string>();
  for (const p of result.pairs) for (const id of p.measureIds) involved.add(id);
  const share = rateOf(involved.size, result.stats.measures);
  const confirmed = result.pairs.filter((p) => p.review?.current && p.review.verdict === "redundant");
  const merging = result.pairs.filter((p) => p.review?.current && p.review.verdict === "merge_planned");
  const open = result.pairs.filter((p) => !p.review?.current);
  const evidence: HealthEvidence[] = [
    ev(
      rateText(share, "Angebote in möglichen Doppelungen", "Offers in possible overlaps"),
      { share: share.value },
      [...involved],
    ),
    ev(
      text(
        `${result.pairs.length} Paar(e): ${open.length} ungeprüft, ${confirmed.length} als redundant bestätigt, ${merging.length} mit geplanter Zusammenlegung; ${result.dismissed.length} als ergänzend bewertet.`,
        `${result.pairs.length} pair(s): ${open.length} not reviewed, ${confirmed.length} confirmed redundant, ${merging.length} with a merger planned; ${result.dismissed.length} judged complementary.`,
      ),
      {
        pairs: result.pairs.length,
        open: open.length,
        confirmedRedundant: confirmed.length,
        mergePlanned: merging.length,
        dismissed: result.dismissed.length,
        clusters: result.clusters.length,
      },
      confirmed.flatMap((p) => p.measureIds),
    ),
  ];
  const v = share.value ?? 0;
  const level: HealthLevel = v > 0.2 ? "weak" : v <= 0.05 && confirmed.length === 0 ? "strong" : "adequate";
  return { level, rule, evidence, improve };
}

function figuresAndFacts(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Ein Indikator ist aktuell, wenn sein letzter Wert nicht älter als zwei Berichtsintervalle (mindestens sechs Monate) ist. Stark: mindestens 75 % aktuell; schwach: unter 40 %; sonst ausreichend.",
    "An indicator is current when its latest value is at most two reporting intervals old (at least six months). Strong: at least 75% current; weak: under 40%; otherwise adequate.",
  );
  const improve = [
    text(
      "Für jedes Ziel einen Indikator festlegen und neue Werte mit Quelle und Datenstand erfassen.",
      "Give every goal an indicator and record new values with source and data status.",
    ),
  ];
  const indicators = c.network.indicator;
  if (indicators.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const byIndicator = new Map<string, Network["observation"]>();
  for (const o of c.network.observation) {
    const list = byIndicator.get(o.indicatorId);
    if (list) list.push(o);
    else byIndicator.set(o.indicatorId, [o]);
  }
  const stale: string[] = [];
  const regionKeys = wholeRegionKeys(c.network.region);
  for (const i of indicators) {
    const latest = latestObservation(byIndicator.get(i.id) ?? [], i.id, c.asOf, { regionKeys });
    const months = Math.max(6, 2 * frequencyMonths[i.frequency]);
    if (!latest || latest.date < addCalendarMonths(c.asOf, -months)) stale.push(i.id);
  }
  const current = rateOf(indicators.length - stale.length, indicators.length);
  const goals = c.network.goal.filter((g) => g.state === "active");
  const measurable = rateOf(
    goals.filter((g) => g.indicatorId && g.target !== undefined).length,
    goals.length,
  );
  const evidence: HealthEvidence[] = [
    ev(
      rateText(current, "Indikatoren mit aktuellen Werten", "Indicators with current values"),
      { current: current.value },
      stale,
    ),
    ev(rateText(measurable, "Ziele mit Indikator und Zielwert", "Goals with indicator and target"), {
      measurableGoals: measurable.value,
    }),
  ];
  const v = current.value ?? 0;
  return { level: v >= 0.75 ? "strong" : v < 0.4 ? "weak" : "adequate", rule, evidence, improve };
}

function proximityToBusiness(c: Context): Draft<HealthLevel> {
  const rule = text(
    "Aus den Daten ablesbar ist die Einbindung wirtschaftsnaher Organisationen (Kammern, Unternehmen, Verbände, Gewerkschaften), nicht die räumliche Nähe. Stark: eine Kammer sitzt in einem Gremium und sie nehmen zu mindestens 60 % teil; schwach: keine sitzt in einem Gremium; sonst ausreichend.",
    "The data show the involvement of business organisations (chambers, employers, associations, unions), not spatial proximity. Strong: a chamber sits in a body and they attend at least 60%; weak: none sits in a body; otherwise adequate.",
  );
  const improve = [
    text(
      "Adressen von Kammern und Verbänden und den Sitz der Koordinierungsstelle erfassen; die räumliche Nähe in der Selbsteinschätzung bewerten.",
      "Record the addresses of chambers and associations and the office's location; rate spatial proximity in the self-assessment.",
    ),
  ];
  const business = c.network.actor.filter((a) => businessActorKinds.includes(a.kind));
  if (business.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const ids = new Set<string>(business.map((a) => a.id));
  const seated = new Set<string>();
  for (const m of c.network.membership)
    if (m.actorId && ids.has(m.actorId) && active(m, c.asOf)) seated.add(m.actorId);
  for (const s of c.network.seat)
    if (s.actorId && ids.has(s.actorId) && active(s, c.asOf)) seated.add(s.actorId);
  const chamberSeated = business.filter((a) => a.kind === "chamber" && seated.has(a.id));
  let attended = 0;
  let expected = 0;
  for (const a of c.participation.actors) {
    if (!ids.has(a.actorId)) continue;
    attended += a.rate.numerator;
    expected += a.rate.denominator;
  }
  const attendance = rateOf(attended, expected);
  const engagement = c.network.measure.filter(
    (m) => m.category === "employer_engagement" && m.status !== "cancelled" && active(m, c.asOf),
  );
  const evidence: HealthEvidence[] = [
    ev(
      text(
        `${seated.size} von ${business.length} wirtschaftsnahen Organisationen sitzen in einem Gremium, davon ${chamberSeated.length} Kammer(n).`,
        `${seated.size} of ${business.length} business organisations sit in a body, ${chamberSeated.length} of them chambers.`,
      ),
      { businessActors: business.length, seated: seated.size, chambersSeated: chamberSeated.length },
      [...seated],
    ),
    ev(
      rateText(
        attendance,
        "Teilnahme wirtschaftsnaher Organisationen",
        "Attendance of business organisations",
      ),
      {
        attendance: attendance.value,
      },
    ),
    ev(
      text(
        `${engagement.length} laufende(s) Angebot(e) zur Einbindung der Wirtschaft.`,
        `${engagement.length} current offer(s) for employer engagement.`,
      ),
      { employerEngagementMeasures: engagement.length },
      engagement.map((m) => m.id),
    ),
  ];
  const level: HealthLevel =
    seated.size === 0
      ? "weak"
      : chamberSeated.length > 0 && attendance.value !== null && attendance.value >= 0.6
        ? "strong"
        : "adequate";
  return { level, rule, evidence, improve };
}

function differentCultures(c: Context): Draft<InhibitorLevel> {
  const rule = text(
    "Maß ist die Divergenz der Arbeitsweisen (gewichtete Jaccard-Distanz der Themen, 0 bis 1) in der letzten Runde mit mindestens zwei Antworten: ab 0,85 stark ausgeprägt, ab 0,6 mittel, darunter gering. Verschiedene Partner nennen naturgemäß verschiedene Themen, daher liegen die Schwellen hoch.",
    "The measure is the divergence of working methods (weighted Jaccard distance of topics, 0 to 1) in the latest round with at least two answers: from 0.85 high, from 0.6 moderate, below that low. Different partners naturally name different topics, hence the high thresholds.",
  );
  const improve = [
    text(
      "In den Abgleichsrunden Arbeitsweisen mit Themen erfassen lassen.",
      "Have partners state their working methods with topics in the rounds.",
    ),
  ];
  const round = [...c.reconciliation.rounds]
    .reverse()
    .find((r) => r.dimensions.some((d) => d.dimension === "workingMethods" && d.divergence !== null));
  const dim = round?.dimensions.find((d) => d.dimension === "workingMethods");
  if (!round || !dim || dim.divergence === null) return { level: "unknown", rule, evidence: [], improve };
  const evidence: HealthEvidence[] = [
    ev(
      text(
        `Divergenz der Arbeitsweisen in „${round.title}“: ${dec(dim.divergence, 2).de} (${dim.partners.length} Partner).`,
        `Divergence of working methods in “${round.title}”: ${dec(dim.divergence, 2).en} (${dim.partners.length} partners).`,
      ),
      { divergence: dim.divergence, partners: dim.partners.length },
      [round.roundId],
    ),
  ];
  const others = round.dimensions.filter((d) => d.dimension !== "workingMethods" && d.divergence !== null);
  if (others.length)
    evidence.push(
      ev(
        text(
          `Zum Vergleich: ${others.map((d) => `${reconciliationDimensionLabels[d.dimension].de} ${dec(d.divergence, 2).de}`).join(", ")}.`,
          `For comparison: ${others.map((d) => `${reconciliationDimensionLabels[d.dimension].en} ${dec(d.divergence, 2).en}`).join(", ")}.`,
        ),
        Object.fromEntries(others.map((d) => [d.dimension, d.divergence])),
      ),
    );
  const d = dim.divergence;
  return { level: d >= 0.85 ? "high" : d >= 0.6 ? "moderate" : "low", rule, evidence, improve };
}

function fundingRules(c: Context): Draft<InhibitorLevel> {
  const rule = text(
    "Stark ausgeprägt: die Stellen der Koordinierungsstelle hängen allein an einem Programm, oder mehr als die Hälfte der laufenden Angebote hängt allein an Programmen, die in den nächsten 12 Monaten enden; mittel: mehr als 20 % so gefährdet oder mehr als die Hälfte allein programmfinanziert; sonst gering.",
    "High: the office's posts depend on a programme alone, or more than half of current offers depend alone on programmes ending in the next 12 months; moderate: more than 20% at such risk or more than half funded by programmes alone; otherwise low.",
  );
  const improve = [
    text(
      "Finanzierung der Angebote und Laufzeiten der Förderprogramme erfassen.",
      "Record how offers are funded and when the funding programmes end.",
    ),
  ];
  const staffing = c.network.coordinationOffice
    .map((o) => staffingOn(o, c.asOf))
    .find((s) => s !== undefined);
  const programmes = new Map(c.network.fundingProgramme.map((p) => [p.id, p]));
  const horizon = addCalendarMonths(c.asOf, 12);
  const funded = c.network.measure.filter(
    (m) => m.status !== "cancelled" && active(m, c.asOf) && m.funding.length > 0,
  );
  if (!staffing && funded.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const programmeOnly = funded.filter((m) => m.funding.every((f) => f.programmeId !== undefined));
  const atRisk = programmeOnly.filter((m) =>
    m.funding.every((f) => {
      const to = f.programmeId ? programmes.get(f.programmeId)?.to : undefined;
      return to !== undefined && to <= horizon;
    }),
  );
  const onlyShare = rateOf(programmeOnly.length, funded.length);
  const riskShare = rateOf(atRisk.length, funded.length);
  const evidence: HealthEvidence[] = [];
  if (staffing)
    evidence.push(
      ev(
        staffing.funding === "programme"
          ? text(
              "Die Stellen der Koordinierungsstelle sind programmfinanziert.",
              "The office's posts are programme-funded.",
            )
          : text(
              "Die Stellen der Koordinierungsstelle sind (auch) aus dem Haushalt finanziert.",
              "The office's posts are (also) funded from the core budget.",
            ),
        { programmeFundedOffice: staffing.funding === "programme" ? 1 : 0 },
        staffing.fundingProgrammeIds,
      ),
    );
  evidence.push(
    ev(
      rateText(
        onlyShare,
        "Laufende Angebote allein aus Programmen",
        "Current offers funded by programmes alone",
      ),
      {
        programmeOnlyShare: onlyShare.value,
      },
    ),
    ev(
      rateText(riskShare, "Davon Programmende in 12 Monaten", "Of which the programme ends within 12 months"),
      { fundingCliffShare: riskShare.value },
      atRisk.map((m) => m.id),
    ),
  );
  const ruled = [...programmes.values()].filter((p) => p.rules.length > 0);
  if (ruled.length)
    evidence.push(
      ev(
        text(
          `${ruled.length} Förderprogramm(e) mit erfassten Vorgaben.`,
          `${ruled.length} funding programme(s) with recorded rules.`,
        ),
        { programmesWithRules: ruled.length },
        ruled.map((p) => p.id),
      ),
    );
  const r = riskShare.value ?? 0;
  const o = onlyShare.value ?? 0;
  const level: InhibitorLevel =
    staffing?.funding === "programme" || r > 0.5 ? "high" : r > 0.2 || o > 0.5 ? "moderate" : "low";
  return { level, rule, evidence, improve };
}

function staffTurnover(c: Context): Draft<InhibitorLevel> {
  const rule = text(
    "Anteil der Ansprechpersonen, die im Zeitraum gewechselt haben: über 30 % stark ausgeprägt, über 15 % mittel, sonst gering.",
    "Share of contacts who changed in the window: above 30% high, above 15% moderate, otherwise low.",
  );
  const improve = [
    text(
      "Beginn und Ende der Zugehörigkeiten von Ansprechpersonen erfassen.",
      "Record when contacts' affiliations begin and end.",
    ),
  ];
  const t = c.continuity.turnover;
  if (t.value === null) return { level: "unknown", rule, evidence: [], improve };
  const evidence = [
    ev(rateText(t, "Wechsel der Ansprechpersonen im Zeitraum", "Contacts changed in the window"), {
      turnover: t.value,
    }),
    ev(
      text(
        `${c.continuity.handovers.length} Übergabe(n) im Zeitraum.`,
        `${c.continuity.handovers.length} handover(s) in the window.`,
      ),
      { handovers: c.continuity.handovers.length },
      c.continuity.handovers.map((h) => h.affiliationId),
    ),
  ];
  return { level: t.value > 0.3 ? "high" : t.value > 0.15 ? "moderate" : "low", rule, evidence, improve };
}

function complexity(c: Context): Draft<InhibitorLevel> {
  const rule = text(
    "Näherung über liegengebliebene Aufgaben: Anteil der fälligen Aufgaben aus Sitzungen, die noch offen sind. Ab 40 % stark ausgeprägt, ab 20 % mittel, sonst gering. Die Größe des Netzwerks wird zur Einordnung genannt.",
    "Approximated by stalled work: the share of due action items from meetings that are still open. From 40% high, from 20% moderate, otherwise low. The network's size is given for context.",
  );
  const improve = [
    text(
      "Aufgaben aus Sitzungen mit Frist und Erledigung erfassen.",
      "Record action items from meetings with due date and completion.",
    ),
  ];
  const due: { id: string; open: boolean }[] = [];
  for (const m of c.network.meeting)
    for (const item of m.actionItems)
      if (item.due && item.due < c.asOf && item.status !== "dropped")
        due.push({ id: item.id, open: item.status === "open" || item.status === "in_progress" });
  if (due.length === 0) return { level: "unknown", rule, evidence: [], improve };
  const overdue = due.filter((d) => d.open);
  const share = rateOf(overdue.length, due.length);
  const interfaces = c.network.standard.reduce((s, x) => s + x.interfaces.length, 0);
  const providers = new Set(c.network.measure.filter((m) => active(m, c.asOf)).map((m) => m.providerActorId));
  const evidence = [
    ev(
      rateText(share, "Überfällige Aufgaben aus Sitzungen", "Overdue action items from meetings"),
      { overdueShare: share.value },
      overdue.map((d) => d.id),
    ),
    ev(
      text(
        `Größe: ${c.network.actor.length} Akteure, ${c.network.body.length} Gremien, ${interfaces} Schnittstellen, ${providers.size} Träger laufender Angebote.`,
        `Size: ${c.network.actor.length} actors, ${c.network.body.length} bodies, ${interfaces} interfaces, ${providers.size} providers of current offers.`,
      ),
      {
        actors: c.network.actor.length,
        bodies: c.network.body.length,
        interfaces,
        providers: providers.size,
      },
    ),
  ];
  const v = share.value ?? 0;
  return { level: v >= 0.4 ? "high" : v >= 0.2 ? "moderate" : "low", rule, evidence, improve };
}

/**
 * The latest self-assessment answers on a factor or inhibitor, on or before `asOf`: of all
 * assessments with items on it, the wave with the latest date that answered any of them.
 */
export function selfAssessmentOn(
  assessments: readonly MaturityAssessment[],
  factor: SuccessFactor | Inhibitor,
  asOf: string,
): SelfAssessmentSignal | null {
  let best: SelfAssessmentSignal | null = null;
  for (const a of assessments) {
    if (a.deleted) continue;
    const keys = new Set(a.items.filter((i) => i.factor === factor).map((i) => i.key));
    if (keys.size === 0) continue;
    for (const wave of a.waves) {
      if (wave.date > asOf || (best && wave.date <= best.date)) continue;
      const answers = wave.answers.filter((x) => keys.has(x.itemKey));
      if (answers.length === 0) continue;
      const mean = answers.reduce((s, x) => s + x.value, 0) / answers.length;
      best = {
        assessmentId: a.id,
        wave: wave.label,
        date: wave.date,
        itemKeys: [...keys],
        answers: answers.length,
        mean,
        normalised: a.scaleMax > a.scaleMin ? (mean - a.scaleMin) / (a.scaleMax - a.scaleMin) : 0,
      };
    }
  }
  return best;
}

const factorOrder = Object.keys(successFactorLabels) as SuccessFactor[];
const inhibitorOrder = Object.keys(inhibitorLabels) as Inhibitor[];
const factorRules: Record<SuccessFactor, (c: Context) => Draft<HealthLevel>> = {
  political_backing: politicalBacking,
  personnel_continuity: personnelContinuity,
  empowered_bodies: empoweredBodies,
  binding_agreement: bindingAgreement,
  regular_reconciliation: regularReconciliation,
  partner_involvement: partnerInvolvement,
  standards_in_force: standardsInForce,
  no_redundant_offers: noRedundantOffers,
  figures_and_facts: figuresAndFacts,
  proximity_to_business: proximityToBusiness,
};
const inhibitorRules: Record<Inhibitor, (c: Context) => Draft<InhibitorLevel>> = {
  different_cultures: differentCultures,
  funding_rules: fundingRules,
  staff_turnover: staffTurnover,
  complexity,
};
const healthRank: Record<HealthLevel, number> = { weak: 0, adequate: 1, strong: 2, unknown: -1 };
const inhibitorRank: Record<InhibitorLevel, number> = { low: 0, moderate: 1, high: 2, unknown: -1 };

/** Adds the self-assessment to a draft: it decides only when the records cannot, and a clear disagreement is noted. */
function withSelfAssessment<L extends string>(
  draft: Draft<L>,
  signal: SelfAssessmentSignal | null,
  fromScore: (normalised: number) => L,
  rank: Record<L | "unknown", number>,
  labelOf: (level: L) => LocalizedText,
): { level: L | "unknown"; basis: HealthBasis; evidence: HealthEvidence[] } {
  if (!signal)
    return {
      level: draft.level,
      basis: draft.level === "unknown" ? "none" : "data",
      evidence: draft.evidence,
    };
  const own = fromScore(signal.normalised);
  const line = ev(
    text(
      `Selbsteinschätzung „${signal.wave}“ (${signal.date}): Mittel ${dec(signal.mean).de} aus ${signal.answers} Antwort(en), entspricht „${labelOf(own).de}“.`,
      `Self-assessment “${signal.wave}” (${signal.date}): mean ${dec(signal.mean).en} from ${signal.answers} answer(s), i.e. “${labelOf(own).en}”.`,
    ),
    { selfAssessmentMean: signal.mean, selfAssessmentNormalised: signal.normalised, answers: signal.answers },
    [signal.assessmentId],
  );
  if (draft.level === "unknown")
    return { level: own, basis: "self_assessment", evidence: [...draft.evidence, line] };
  const evidence = [...draft.evidence, line];
  if (Math.abs(rank[own] - rank[draft.level]) >= 2)
    evidence.push(
      ev(
        text(
          "Selbsteinschätzung und Daten weichen deutlich voneinander ab: ein Anlass für das Gespräch im Steuerkreis.",
          "Self-assessment and data differ clearly: a reason to talk it through in the steering group.",
        ),
      ),
    );
  return { level: draft.level, basis: "data", evidence };
}

/**
 * Assesses the network's health: one transparent assessment per success factor and per inhibitor
 * the Osterode example names, each with a level, the rule behind it, evidence (German and English
 * sentences with the figures and record ids) and the data that would improve it. The partners'
 * maturity self-assessment is shown beside the data and decides a level only where the records
 * say nothing. There is no overall score: the summary lists the parts by level.
 *
 * @example
 * const health = assessNetworkHealth(network, { asOf: "2025-06-30" });
 * health.factors.find((f) => f.factor === "partner_involvement")?.level; // "adequate"
 */
export function assessNetworkHealth(
  records: AnalysisInput<"assessNetworkHealth">,
  options: NetworkHealthOptions,
): NetworkHealth {
  const asOf = options.asOf.slice(0, 10);
  const window = options.window ?? windowEndingOn(asOf, 12);
  const network = liveNetwork(records);
  const context: Context = {
    network,
    asOf,
    window,
    participation: assessParticipation(network, {
      asOf,
      window,
      ...(options.inactiveAfterDays === undefined ? {} : { inactiveAfterDays: options.inactiveAfterDays }),
    }),
    continuity: assessContinuity(network, { asOf, window }),
    standards: assessStandards(network, { asOf }),
    reconciliation: reconciliationHistory(network, { asOf }),
    goals: rollUpGoalProgress(network, { asOf }),
    overlap: options.overlap ?? {},
    overlaps: options.overlaps,
  };
  const assessments = network.maturityAssessment;
  const factors = factorOrder.map((factor): FactorAssessment => {
    const draft = factorRules[factor](context);
    const signal = selfAssessmentOn(assessments, factor, asOf);
    const merged = withSelfAssessment<HealthLevel>(
      draft,
      signal,
      (x) => (x >= 0.75 ? "strong" : x >= 0.5 ? "adequate" : "weak"),
      healthRank,
      (l) => healthLevelLabels[l],
    );
    return {
      factor,
      label: successFactorLabels[factor],
      level: merged.level,
      levelLabel: healthLevelLabels[merged.level],
      basis: merged.basis,
      rule: draft.rule,
      evidence: merged.evidence,
      selfAssessment: signal,
      improve: draft.improve,
    };
  });
  const inhibitors = inhibitorOrder.map((inhibitor): InhibitorAssessment => {
    const draft = inhibitorRules[inhibitor](context);
    const signal = selfAssessmentOn(assessments, inhibitor, asOf);
    const merged = withSelfAssessment<InhibitorLevel>(
      draft,
      signal,
      (x) => (x >= 2 / 3 ? "high" : x >= 1 / 3 ? "moderate" : "low"),
      inhibitorRank,
      (l) => inhibitorLevelLabels[l],
    );
    return {
      inhibitor,
      label: inhibitorLabels[inhibitor],
      level: merged.level,
      levelLabel: inhibitorLevelLabels[merged.level],
      basis: merged.basis,
      rule: draft.rule,
      evidence: merged.evidence,
      selfAssessment: signal,
      improve: draft.improve,
    };
  });
  const byLevel = <L extends string, K>(levels: readonly L[], items: readonly { level: L; key: K }[]) =>
    Object.fromEntries(
      levels.map((l) => [l, items.filter((i) => i.level === l).map((i) => i.key)]),
    ) as Record<L, K[]>;
  return {
    asOf,
    window,
    factors,
    inhibitors,
    summary: {
      factors: byLevel(
        ["strong", "adequate", "weak", "unknown"] as HealthLevel[],
        factors.map((f) => ({ level: f.level, key: f.factor })),
      ),
      inhibitors: byLevel(
        ["high", "moderate", "low", "unknown"] as InhibitorLevel[],
        inhibitors.map((i) => ({ level: i.level, key: i.inhibitor })),
      ),
    },
  };
}
