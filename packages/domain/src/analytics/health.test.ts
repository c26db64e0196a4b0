import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { osterodeExample, osterodeIds } from "../example/index.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
  type Network,
} from "../model/entities.js";
import {
  type Inhibitor,
  inhibitorLabels,
  type SuccessFactor,
  successFactorLabels,
} from "../model/maturity.js";
import { generateNetwork } from "../synthetic/index.js";
import {
  assessNetworkHealth,
  HealthLevel,
  healthLevelLabels,
  InhibitorLevel,
  type NetworkHealth,
  selfAssessmentOn,
} from "./health.js";
import { findOverlaps } from "./overlaps.js";

const stamp = "2024-01-01T00:00:00.000Z";
const id = (name: EntityName | "decision" | "task", n: number) =>
  `${name === "decision" ? "dec" : name === "task" ? "tsk" : entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, stamp, { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const network = (parts: Partial<Network>): Network => ({ ...emptyNetwork(), ...parts });
const asOf = "2025-06-30";
const factor = (h: NetworkHealth, f: SuccessFactor) => h.factors.find((x) => x.factor === f);
const inhibitor = (h: NetworkHealth, i: Inhibitor) => h.inhibitors.find((x) => x.inhibitor === i);
const levelOf = (data: Network, f: SuccessFactor) => factor(assessNetworkHealth(data, { asOf }), f)?.level;
const inhibitorLevelOf = (data: Network, i: Inhibitor) =>
  inhibitor(assessNetworkHealth(data, { asOf }), i)?.level;

const actor = (n: number, kind = "job_centre") => make("actor", n, { name: `Akteur ${n}`, kind });
const office = (extra: Record<string, unknown>) =>
  make("coordinationOffice", 1, { name: "Koordinierungsstelle", ...extra });
const steering = (extra: Record<string, unknown> = {}) =>
  make("body", 1, {
    name: "Steuerkreis",
    kind: "steering_group",
    decisionAuthority: "decides",
    targetMeetingsPerYear: 2,
    from: "2015-01-01",
    ...extra,
  });
const seat = (n: number, actorN: number) =>
  make("seat", n, { bodyId: id("body", 1), actorId: id("actor", actorN) });
const meeting = (n: number, date: string, extra: Record<string, unknown> = {}) =>
  make("meeting", n, {
    bodyId: id("body", 1),
    title: `Sitzung ${n}`,
    start: `${date}T10:00:00+02:00`,
    status: "held",
    ...extra,
  });
const present = (contactN: number, actorN: number) => ({
  contactId: id("contact", contactN),
  actorId: id("actor", actorN),
  status: "present",
});

describe("assessNetworkHealth on an empty network", () => {
  const h = assessNetworkHealth(emptyNetwork(), { asOf });

  it("assesses every success factor and inhibitor of the seed, in order, and knows nothing", () => {
    expect(h.factors.map((f) => f.factor)).toEqual(Object.keys(successFactorLabels));
    expect(h.inhibitors.map((i) => i.inhibitor)).toEqual(Object.keys(inhibitorLabels));
    for (const part of [...h.factors, ...h.inhibitors]) {
      expect(part.level).toBe("unknown");
      expect(part.basis).toBe("none");
      expect(part.evidence).toEqual([]);
      expect(part.improve.length).toBeGreaterThan(0);
      expect(part.rule.de).not.toBe(part.rule.en);
    }
    expect(h.summary.factors.unknown).toHaveLength(10);
    expect(h.summary.inhibitors.unknown).toHaveLength(4);
    expect(h.window).toEqual({ from: "2024-07-01", to: asOf });
  });

  it("stays unknown with a single actor", () => {
    const one = assessNetworkHealth(network({ actor: [actor(1)] }), { asOf });
    expect(one.summary.factors.unknown).toHaveLength(10);
  });
});

describe("political backing", () => {
  const backed = office({
    milestones: [
      { date: "2013-06-27", kind: "council_resolution", title: "Kreistagsbeschluss zur Verstetigung" },
    ],
    staffing: [{ from: "2014-01-01", posts: 2, funding: "core_budget" }],
    placements: [
      {
        from: "2014-01-01",
        unitKind: "main_section",
        unitName: "Hauptsachgebiet",
        reportsTo: "Erster Kreisrat",
      },
    ],
  });
  const politics = actor(1, "politics");

  it("is strong with all four signs, and names them", () => {
    const data = network({
      coordinationOffice: [backed],
      actor: [politics],
      body: [steering()],
      seat: [seat(1, 1)],
    });
    const f = factor(assessNetworkHealth(data, { asOf }), "political_backing");
    expect(f?.level).toBe("strong");
    expect(f?.evidence.map((e) => e.figures)).toEqual([
      { resolutions: 1 },
      { posts: 2, permanentFunding: 1 },
      { anchored: 1 },
      { politicalActorsSeated: 1, decidingBodies: 1 },
    ]);
    expect(f?.evidence[3]?.ids).toEqual([politics.id]);
  });

  it("is strong with three signs, adequate with two and weak with one", () => {
    expect(levelOf(network({ coordinationOffice: [backed] }), "political_backing")).toBe("strong");
    expect(
      levelOf(network({ coordinationOffice: [{ ...backed, placements: [] }] }), "political_backing"),
    ).toBe("adequate");
    const programme = office({ staffing: [{ from: "2014-01-01", posts: 4, funding: "programme" }] });
    expect(levelOf(network({ coordinationOffice: [programme] }), "political_backing")).toBe("weak");
  });
});

describe("personnel continuity and staff turnover", () => {
  const contacts = (ended: number) =>
    Array.from({ length: 10 }, (_, i) =>
      make("affiliation", i + 1, {
        contactId: id("contact", i + 1),
        actorId: id("actor", (i % 5) + 1),
        role: "Leitung",
        level: "leadership",
        from: "2020-01-01",
        ...(i < ended ? { to: "2025-01-31", endReason: "left_organisation" } : {}),
      }),
    );
  const actors = [1, 2, 3, 4, 5].map((n) => actor(n));

  it("follows the turnover of the contacts present at the window's start", () => {
    const at = (ended: number) => network({ actor: actors, affiliation: contacts(ended) });
    expect(levelOf(at(1), "personnel_continuity")).toBe("strong");
    expect(inhibitorLevelOf(at(1), "staff_turnover")).toBe("low");
    expect(levelOf(at(2), "personnel_continuity")).toBe("adequate");
    expect(inhibitorLevelOf(at(2), "staff_turnover")).toBe("moderate");
    expect(levelOf(at(4), "personnel_continuity")).toBe("weak");
    expect(inhibitorLevelOf(at(4), "staff_turnover")).toBe("high");
    const f = factor(assessNetworkHealth(at(2), { asOf }), "personnel_continuity");
    expect(f?.evidence[0]?.figures).toEqual({ turnover: 0.2, changed: 2, contacts: 10 });
  });

  it("caps at adequate while the office depends on programme funding", () => {
    const data = network({
      actor: actors,
      affiliation: contacts(0),
      coordinationOffice: [office({ staffing: [{ from: "2020-01-01", posts: 4, funding: "programme" }] })],
    });
    expect(levelOf(data, "personnel_continuity")).toBe("adequate");
  });
});

describe("bodies with decision authority", () => {
  const decision = { id: id("decision", 1), text: "Der Steuerkreis beschließt den Praxisleitfaden." };

  it("is strong when a deciding body took decisions in the window", () => {
    const data = network({
      body: [steering()],
      meeting: [meeting(1, "2025-03-01", { decisions: [decision] })],
    });
    const f = factor(assessNetworkHealth(data, { asOf }), "empowered_bodies");
    expect(f?.level).toBe("strong");
    expect(f?.evidence[1]?.figures).toEqual({ decisions: 1 });
  });

  it("is adequate without decisions and weak without any body that may decide or recommend", () => {
    expect(
      levelOf(network({ body: [steering()], meeting: [meeting(1, "2025-03-01")] }), "empowered_bodies"),
    ).toBe("adequate");
    const old = network({
      body: [steering()],
      meeting: [meeting(1, "2023-03-01", { decisions: [decision] })],
    });
    expect(levelOf(old, "empowered_bodies")).toBe("adequate");
    expect(levelOf(network({ body: [steering({ decisionAuthority: "advises" })] }), "empowered_bodies")).toBe(
      "weak",
    );
  });
});

describe("binding agreement", () => {
  const agreement = (extra: Record<string, unknown>) =>
    make("agreement", 1, {
      title: "Kooperationsvereinbarung",
      partyActorIds: [id("actor", 1), id("actor", 2)],
      ...extra,
    });
  const inForce = (signers: number[]) =>
    agreement({
      status: "in_force",
      validFrom: "2023-01-01",
      signatures: signers.map((n) => ({ actorId: id("actor", n), signedOn: "2022-12-01" })),
    });
  const indicator = make("indicator", 1, {
    code: "Q",
    name: "Quote",
    unit: "percent",
    direction: "higher_is_better",
    source: "Statistik",
  });
  const goal = make("goal", 1, {
    title: "Mehr Übergänge",
    level: "strategic",
    agreementId: id("agreement", 1),
    indicatorId: indicator.id,
    baseline: { value: 50, date: "2022-01-01" },
    target: 60,
    deadline: "2026-12-31",
  });

  it("is unknown without agreements, weak without one in force", () => {
    expect(levelOf(emptyNetwork(), "binding_agreement")).toBe("unknown");
    expect(levelOf(network({ agreement: [agreement({ status: "negotiating" })] }), "binding_agreement")).toBe(
      "weak",
    );
  });

  it("is strong when signed by the partners and its goals are clear", () => {
    const data = network({ agreement: [inForce([1, 2])], indicator: [indicator], goal: [goal] });
    const f = factor(assessNetworkHealth(data, { asOf }), "binding_agreement");
    expect(f?.level).toBe("strong");
    expect(f?.evidence[2]?.figures).toEqual({ clearGoalShare: 1, goals: 1 });
    expect(levelOf(network({ ...data, agreement: [inForce([1])] }), "binding_agreement")).toBe("adequate");
  });
});

describe("regular reconciliation and different cultures", () => {
  const round = (n: number, opensOn: string, extra: Record<string, unknown> = {}) =>
    make("reconciliationRound", n, {
      title: `Runde ${n}`,
      status: "evaluated",
      opensOn,
      invitedActorIds: [1, 2, 3, 4].map((a) => id("actor", a)),
      ...extra,
    });
  const answer = (n: number, roundN: number, actorN: number, topics: string[]) =>
    make("reconciliationResponse", n, {
      roundId: id("reconciliationRound", roundN),
      actorId: id("actor", actorN),
      workingMethods: [{ text: "So arbeiten wir", topics, importance: 3 }],
    });

  it("is strong with recent, regular rounds and a good response", () => {
    const data = network({
      reconciliationRound: [round(1, "2023-11-01"), round(2, "2024-10-01")],
      reconciliationResponse: [
        answer(1, 2, 1, ["governance"]),
        answer(2, 2, 2, ["governance"]),
        answer(3, 2, 3, ["governance"]),
      ],
    });
    const h = assessNetworkHealth(data, { asOf });
    expect(factor(h, "regular_reconciliation")?.level).toBe("strong");
    expect(factor(h, "regular_reconciliation")?.evidence[1]?.ids).toEqual([id("actor", 4)]);
    expect(inhibitor(h, "different_cultures")?.level).toBe("low");
  });

  it("weakens as rounds grow rare or old", () => {
    expect(
      levelOf(network({ reconciliationRound: [round(1, "2024-01-15")] }), "regular_reconciliation"),
    ).toBe("adequate");
    expect(
      levelOf(network({ reconciliationRound: [round(1, "2022-01-15")] }), "regular_reconciliation"),
    ).toBe("weak");
  });

  it("reads different cultures from the divergence of working methods", () => {
    const data = network({
      reconciliationRound: [round(1, "2024-10-01")],
      reconciliationResponse: [answer(1, 1, 1, ["governance"]), answer(2, 1, 2, ["information_sharing"])],
    });
    const i = inhibitor(assessNetworkHealth(data, { asOf }), "different_cultures");
    expect(i?.level).toBe("high");
    expect(i?.evidence[0]?.figures).toEqual({ divergence: 1, partners: 2 });
  });
});

describe("involvement of all partners", () => {
  const body = steering();
  const meetings = [
    meeting(1, "2024-10-01", { attendance: [present(1, 1), present(2, 2)] }),
    meeting(2, "2025-04-01", { attendance: [present(1, 1), present(2, 2)] }),
  ];

  it("is strong when every partner attends and the body meets as planned", () => {
    const data = network({
      actor: [actor(1), actor(2)],
      body: [body],
      seat: [seat(1, 1), seat(2, 2)],
      meeting: meetings,
    });
    const f = factor(assessNetworkHealth(data, { asOf }), "partner_involvement");
    expect(f?.level).toBe("strong");
    expect(f?.evidence[0]?.figures).toEqual({ attendance: 1 });
  });

  it("is weak when too many partners stay away", () => {
    const data = network({
      actor: [actor(1), actor(2), actor(3)],
      body: [body],
      seat: [seat(1, 1), seat(2, 2)],
      meeting: meetings,
    });
    const f = factor(assessNetworkHealth(data, { asOf }), "partner_involvement");
    expect(f?.level).toBe("weak");
    expect(f?.evidence[1]?.ids).toEqual([id("actor", 3)]);
  });
});

describe("standards in force", () => {
  const standard = (adoptions: [number, string][], extra: Record<string, unknown> = {}) =>
    make("standard", 1, {
      code: "MS-1",
      title: "Übergabe",
      kind: "minimum",
      status: "in_force",
      adoptedOn: "2024-09-01",
      adoptions: adoptions.map(([a, status]) => ({ actorId: id("actor", a), status })),
      ...extra,
    });
  const actors = [1, 2, 3, 4].map((n) => actor(n));

  it("is strong when implemented, reviewed on time and owned", () => {
    const data = network({
      actor: actors,
      standard: [
        standard([
          [1, "implemented"],
          [2, "implemented"],
          [3, "implementing"],
        ]),
      ],
    });
    expect(levelOf(data, "standards_in_force")).toBe("strong");
  });

  it("is adequate with an overdue review and weak when hardly implemented", () => {
    const overdue = standard([[1, "implemented"]], { adoptedOn: "2020-01-01" });
    expect(levelOf(network({ actor: actors, standard: [overdue] }), "standards_in_force")).toBe("adequate");
    const hardly = standard([
      [1, "implemented"],
      [2, "adopted"],
      [3, "not_started"],
      [4, "declined"],
    ]);
    expect(levelOf(network({ actor: actors, standard: [hardly] }), "standards_in_force")).toBe("weak");
  });
});

describe("no redundant offers", () => {
  const measure = (n: number, title: string, category: string) =>
    make("measure", n, {
      title,
      providerActorId: id("actor", 1),
      category,
      targetGroups: ["pupils_lower_secondary"],
      grades: { min: 8, max: 10 },
      from: "2024-08-01",
      status: "running",
    });

  const twins = [
    measure(1, "Berufsorientierung im Betrieb", "vocational_orientation"),
    measure(2, "Berufsorientierung im Betrieb", "vocational_orientation"),
  ];

  it("is weak when offers duplicate each other, strong once judged complementary", () => {
    const f = factor(assessNetworkHealth(network({ measure: twins }), { asOf }), "no_redundant_offers");
    expect(f?.level).toBe("weak");
    expect(f?.evidence[0]?.figures).toEqual({ share: 1 });
    const review = make("overlapReview", 1, {
      measureIds: [twins[0]?.id, twins[1]?.id],
      measureVersions: [1, 1],
      verdict: "complementary",
      reviewedAt: "2025-01-10T10:00:00Z",
    });
    expect(levelOf(network({ measure: twins, overlapReview: [review] }), "no_redundant_offers")).toBe(
      "strong",
    );
  });

  it("reuses an overlap result the caller already has", () => {
    const data = network({ measure: twins });
    const known = findOverlaps(twins);
    const fresh = factor(assessNetworkHealth(data, { asOf }), "no_redundant_offers");
    expect(factor(assessNetworkHealth(data, { asOf, overlaps: known }), "no_redundant_offers")).toEqual(
      fresh,
    );
    const cleared = { ...known, pairs: [], clusters: [] };
    expect(factor(assessNetworkHealth(data, { asOf, overlaps: cleared }), "no_redundant_offers")?.level).toBe(
      "strong",
    );
  });

  it("is unknown below two current offers", () => {
    expect(
      levelOf(
        network({ measure: [measure(1, "Bewerbungstraining", "application_support")] }),
        "no_redundant_offers",
      ),
    ).toBe("unknown");
  });
});

describe("figures and facts", () => {
  it("counts indicators whose latest value is at most two reporting intervals old", () => {
    const indicator = (n: number, frequency: string) =>
      make("indicator", n, {
        code: `I${n}`,
        name: `Indikator ${n}`,
        unit: "count",
        direction: "neutral",
        source: "BA",
        frequency,
      });
    const data = network({
      indicator: [indicator(1, "yearly"), indicator(2, "monthly")],
      observation: [
        make("observation", 1, { indicatorId: id("indicator", 1), date: "2024-12-31", value: 10 }),
        make("observation", 2, { indicatorId: id("indicator", 2), date: "2024-06-30", value: 10 }),
      ],
    });
    const f = factor(assessNetworkHealth(data, { asOf }), "figures_and_facts");
    expect(f?.level).toBe("adequate");
    expect(f?.evidence[0]?.ids).toEqual([id("indicator", 2)]);
  });
});

describe("proximity to business", () => {
  it("is strong when a chamber sits in a body and attends, weak when none sits", () => {
    const chamber = actor(1, "chamber");
    const attended = network({
      actor: [chamber],
      body: [steering()],
      seat: [seat(1, 1)],
      meeting: [meeting(1, "2025-03-01", { attendance: [present(1, 1)] })],
    });
    expect(levelOf(attended, "proximity_to_business")).toBe("strong");
    expect(levelOf(network({ actor: [chamber], body: [steering()] }), "proximity_to_business")).toBe("weak");
  });
});

describe("funding rules and complexity", () => {
  it("is high while the office's posts depend on a programme", () => {
    const data = network({
      coordinationOffice: [office({ staffing: [{ from: "2020-01-01", posts: 4, funding: "programme" }] })],
    });
    expect(inhibitorLevelOf(data, "funding_rules")).toBe("high");
  });

  it("is moderate when most offers hang on programmes alone", () => {
    const programme = (n: number, to: string) =>
      make("fundingProgramme", n, { name: `Programm ${n}`, funder: "Land", funderLevel: "state", to });
    const offer = (n: number, programmeN: number) =>
      make("measure", n, {
        title: `Angebot ${n}`,
        providerActorId: id("actor", 1),
        category: "counselling",
        from: "2024-01-01",
        status: "running",
        funding: [{ programmeId: id("fundingProgramme", programmeN) }],
      });
    const data = network({
      fundingProgramme: [programme(1, "2025-12-31"), programme(2, "2028-12-31")],
      measure: [offer(1, 1), offer(2, 2), offer(3, 2), offer(4, 2)],
    });
    const i = inhibitor(assessNetworkHealth(data, { asOf }), "funding_rules");
    expect(i?.level).toBe("moderate");
    expect(i?.evidence.map((e) => e.figures)).toEqual([
      { programmeOnlyShare: 1 },
      { fundingCliffShare: 0.25 },
    ]);
  });

  it("reads complexity from action items left open past their due date", () => {
    const task = (n: number, due: string, status: string) => ({
      id: id("task", n),
      title: `Aufgabe ${n}`,
      due,
      status,
      ...(status === "done" ? { doneOn: due } : {}),
    });
    const data = network({
      meeting: [
        meeting(1, "2025-01-15", {
          actionItems: [task(1, "2025-03-01", "done"), task(2, "2025-03-01", "open")],
        }),
      ],
    });
    const i = inhibitor(assessNetworkHealth(data, { asOf }), "complexity");
    expect(i?.level).toBe("high");
    expect(i?.evidence[0]?.ids).toEqual([id("task", 2)]);
  });
});

describe("self-assessment", () => {
  const assessment = make("maturityAssessment", 1, {
    title: "Reifegrad",
    items: [
      { key: "backing", factor: "political_backing", de: "Rückhalt", en: "Backing" },
      { key: "cultures", factor: "different_cultures", de: "Kulturen", en: "Cultures" },
    ],
    waves: [
      { label: "Welle 2023", date: "2023-02-01", answers: [{ itemKey: "backing", value: 2 }] },
      {
        label: "Welle 2025",
        date: "2025-02-01",
        answers: [
          { itemKey: "backing", value: 5 },
          { itemKey: "backing", value: 4 },
          { itemKey: "cultures", value: 1 },
        ],
      },
      { label: "Welle 2026", date: "2026-02-01", answers: [{ itemKey: "backing", value: 1 }] },
    ],
  });

  it("takes the latest wave up to asOf", () => {
    expect(selfAssessmentOn([assessment], "political_backing", asOf)).toEqual({
      assessmentId: assessment.id,
      wave: "Welle 2025",
      date: "2025-02-01",
      itemKeys: ["backing"],
      answers: 2,
      mean: 4.5,
      normalised: 0.875,
    });
    expect(selfAssessmentOn([assessment], "complexity", asOf)).toBeNull();
  });

  it("decides only where the records say nothing", () => {
    const h = assessNetworkHealth(network({ maturityAssessment: [assessment] }), { asOf });
    expect(factor(h, "political_backing")).toMatchObject({ level: "strong", basis: "self_assessment" });
    expect(inhibitor(h, "different_cultures")).toMatchObject({ level: "low", basis: "self_assessment" });
    expect(factor(h, "figures_and_facts")).toMatchObject({ level: "unknown", basis: "none" });
  });

  it("stands beside the data and points out a clear disagreement", () => {
    const programme = office({ staffing: [{ from: "2014-01-01", posts: 4, funding: "programme" }] });
    const h = assessNetworkHealth(
      network({ coordinationOffice: [programme], maturityAssessment: [assessment] }),
      {
        asOf,
      },
    );
    const f = factor(h, "political_backing");
    expect(f).toMatchObject({ level: "weak", basis: "data" });
    expect(f?.evidence.at(-1)?.text.en).toContain("differ clearly");
  });
});

describe("the Osterode example", () => {
  const h = assessNetworkHealth(osterodeExample, { asOf: "2024-01-31" });

  it("finds the political backing the practice example describes", () => {
    const f = factor(h, "political_backing");
    expect(f?.level).toBe("strong");
    expect(f?.evidence[0]?.figures.resolutions).toBeGreaterThanOrEqual(1);
    expect(f?.evidence[0]?.ids).toEqual([osterodeIds.office]);
  });

  it("sees steering group and advisory board meeting about twice a year", () => {
    const involvement = factor(h, "partner_involvement");
    expect(involvement?.level).not.toBe("unknown");
    expect(involvement?.evidence[2]?.ids).not.toContain(osterodeIds.bodies.steeringGroup);
    expect(involvement?.evidence[2]?.ids).not.toContain(osterodeIds.bodies.advisoryBoard);
  });

  it("gives a level and evidence for every part", () => {
    for (const part of [...h.factors, ...h.inhibitors]) {
      if (part.level !== "unknown") expect(part.evidence.length).toBeGreaterThan(0);
      for (const e of part.evidence) expect(e.text.de.length && e.text.en.length).toBeGreaterThan(0);
    }
  });
});

describe("network health, properties", () => {
  it("always lists each part once, with levels from the scales and a summary of exactly those parts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 900 }),
        (seed, measures, dayOffset) => {
          const data = generateNetwork({ seed, measures });
          const date = new Date(Date.UTC(2023, 0, 1 + dayOffset)).toISOString().slice(0, 10);
          const h = assessNetworkHealth(data, { asOf: date });
          expect(h.factors.map((f) => f.factor)).toEqual(Object.keys(successFactorLabels));
          for (const f of h.factors) {
            expect(HealthLevel.options).toContain(f.level);
            expect(f.levelLabel).toEqual(healthLevelLabels[f.level]);
          }
          for (const i of h.inhibitors) expect(InhibitorLevel.options).toContain(i.level);
          const summarised = Object.values(h.summary.factors).flat().sort();
          expect(summarised).toEqual(Object.keys(successFactorLabels).sort());
          expect(Object.values(h.summary.inhibitors).flat().sort()).toEqual(
            Object.keys(inhibitorLabels).sort(),
          );
          for (const part of [...h.factors, ...h.inhibitors])
            for (const e of part.evidence)
              for (const [key, value] of Object.entries(e.figures))
                if (value !== null && /Share$|^attendance$|^turnover$|^vacancy$|^implementation$/.test(key)) {
                  expect(value).toBeGreaterThanOrEqual(0);
                  expect(value).toBeLessThanOrEqual(1);
                }
        },
      ),
      { numRuns: 12 },
    );
  });
});
