import { describe, expect, it } from "vitest";
import { activeOn } from "../common/record.js";
import { validate } from "../common/validation.js";
import { ActorKind } from "../model/actor.js";
import { type EntityName, entities, entityNames, entityOfId, referencesOf } from "../model/entities.js";
import { staffingOn } from "../model/office.js";
import { checkResponseAgainstRound } from "../model/reconciliation.js";
import { currentKey, populationDensity } from "../model/region.js";
import { practiceExampleActorKinds } from "../reference/actor-kinds.js";
import { baMeasureTypes } from "../reference/ba-measures.js";
import { iabeSectorIIAccounts } from "../reference/iabe.js";
import { osterodeDistrictHistory } from "../reference/municipality-keys.js";
import { osterodeExample, osterodeFacts, osterodeIds } from "./index.js";

const stamp = "2024-01-01T00:00:00.000Z";

type AnyRecord = Record<string, unknown> & { id: string };

/** Every record of the example with the name of its entity. */
const allRecords: { name: EntityName; record: AnyRecord }[] = entityNames.flatMap((name) =>
  (osterodeExample[name] as unknown as AnyRecord[]).map((record) => ({ name, record })),
);

const byId = new Map(allRecords.map(({ name, record }) => [record.id, { name, record }]));

function only<T>(list: readonly T[], what: string): T {
  expect(list, `expected exactly one ${what}`).toHaveLength(1);
  return list[0] as T;
}

const region = only(osterodeExample.region, "region");
const office = only(osterodeExample.coordinationOffice, "coordination office");

describe("Osterode example: records", () => {
  it("has records for every entity", () => {
    for (const name of entityNames) {
      expect(osterodeExample[name].length, `no ${name} records in the example`).toBeGreaterThan(0);
    }
  });

  it.each(
    allRecords.map(({ name, record }) => [name, record.id, record] as const),
  )("%s %s validates against its record schema and is already in canonical form", (name, id, record) => {
    const result = validate(entities[name].Record, record, "en");
    const details = result.ok ? "" : JSON.stringify(result.error.details, null, 2);
    expect(result.ok, `${name} ${id} is invalid:\n${details}`).toBe(true);
    if (result.ok) expect(result.value, `${name} ${id} changes when parsed again`).toEqual(record);
  });

  it("uses fixed ids with the entity's prefix, unique across the network, and fixed metadata", () => {
    const seen = new Set<string>();
    for (const { name, record } of allRecords) {
      const pattern = new RegExp(`^${entities[name].idPrefix}_[0-9A-Za-z]{12}$`);
      expect(record.id, `${name} id`).toMatch(pattern);
      expect(record.id, `${name} id should be a fixed example id`).toMatch(/_osterode\d{4}$/);
      expect(seen.has(record.id), `duplicate id ${record.id}`).toBe(false);
      seen.add(record.id);
      expect(record.version, record.id).toBe(1);
      expect(record.createdAt, record.id).toBe(stamp);
      expect(record.updatedAt, record.id).toBe(stamp);
      expect(record.deleted, record.id).toBe(false);
    }
    expect(region.id).toBe("reg_osterode0001");
    expect(osterodeIds.actors.jobCentre).toBe("act_osterode0005");
  });

  it("points every top-level reference at an existing record of the right entity", () => {
    let checked = 0;
    for (const { name, record } of allRecords) {
      for (const reference of referencesOf(name, record)) {
        const target = byId.get(reference.id);
        expect(target, `${name} ${record.id}.${reference.field} → missing ${reference.id}`).toBeDefined();
        expect(target?.name, `${name} ${record.id}.${reference.field} → wrong entity`).toBe(reference.entity);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("points every nested id (attendance, signatures, interfaces, funding, …) at an existing record", () => {
    let checked = 0;
    const walk = (value: unknown, owner: string, path: string): void => {
      if (typeof value === "string") {
        const entity = /^[a-z]{3}_[0-9A-Za-z]{12}$/.test(value) ? entityOfId(value) : undefined;
        if (entity && value !== owner) {
          expect(byId.get(value)?.name, `${owner} ${path} → missing ${entity} ${value}`).toBe(entity);
          checked += 1;
        }
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => {
          walk(v, owner, `${path}[${i}]`);
        });
      } else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) walk(v, owner, path ? `${path}.${k}` : k);
      }
    };
    for (const { record } of allRecords) walk(record, record.id, "");
    expect(checked).toBeGreaterThan(300);
  });

  it("marks every invented record illustrative; only what the practice example states is not", () => {
    const stated = allRecords
      .filter(({ record }) => "illustrative" in record && record.illustrative === false)
      .map(({ record }) => record.id)
      .sort();
    const A = osterodeIds.actors;
    expect(stated).toEqual(
      [
        osterodeIds.office,
        osterodeIds.bodies.steeringGroup,
        osterodeIds.bodies.advisoryBoard,
        A.district,
        A.council,
        A.schoolAuthority,
        A.agency,
        A.jobCentre,
        A.ihk,
        A.hwk,
        A.vocationalSchools,
      ].sort(),
    );
    for (const name of ["contact", "affiliation", "membership", "meeting", "measure", "goal"] as const) {
      for (const r of osterodeExample[name]) expect(r.illustrative, `${name} ${r.id}`).toBe(true);
    }
  });
});

describe("Osterode example: the practice example's figures", () => {
  it("states the seed's figures in osterodeFacts", () => {
    expect(osterodeFacts).toMatchObject({
      areaKm2: 635.99,
      population: 74_367,
      populationDensity: 116.9,
      districtKey: "03156",
      carCode: "OHA",
      staffFundedByProgrammes: 4,
      postsToday: 2,
      leaders: 20,
      meetingsPerYear: 2,
      history: { postCreated: 2008, departmentFrom: 2011, departmentTo: 2013, councilResolution: 2013 },
    });
    expect(populationDensity(osterodeFacts)).toBe(osterodeFacts.populationDensity);
  });

  it("has the region's area, population and density exactly", () => {
    expect(region.name).toBe(osterodeFacts.regionName);
    expect(region.kind).toBe("district");
    expect(region.areaKm2).toBe(635.99);
    expect(region.population).toBe(74_367);
    expect(currentKey(region, "district_key", "2016-01-01")).toBe(osterodeFacts.districtKey);
    expect(populationDensity(region)).toBe(116.9);
    expect(populationDensity(region)).toBe(osterodeFacts.populationDensity);
  });

  it("keeps the district key with its end and the car code", () => {
    expect(currentKey(region, "district_key", "2016-10-31")).toBe("03156");
    expect(currentKey(region, "district_key", "2016-11-01")).toBeUndefined();
    expect(currentKey(region, "car_code")).toBe(osterodeFacts.carCode);
    const key = region.keys.find((k) => k.system === "district_key");
    expect(key?.validTo).toBe(osterodeDistrictHistory.entries.lastDay);
    expect(region.status).toBe("active");
    expect(region.note).toContain("03159");
  });

  it("tells the office's history with year precision where only years are known", () => {
    const year = (kind: string) => {
      const milestone = only(
        office.milestones.filter((m) => m.kind === kind),
        `${kind} milestone`,
      );
      expect(milestone.precision, `${kind} precision`).toBe("year");
      return Number(milestone.date.slice(0, 4));
    };
    expect(year("founded")).toBe(osterodeFacts.history.postCreated);
    expect(year("restructured")).toBe(osterodeFacts.history.departmentFrom);
    expect(year("council_resolution")).toBe(osterodeFacts.history.councilResolution);

    const department = only(
      office.placements.filter((p) => p.unitKind === "department"),
      "department placement",
    );
    expect(department.unitName).toContain("Stabsstelle Bildung, Wirtschaft und Regionalplanung");
    expect(department.from.slice(0, 4)).toBe(String(osterodeFacts.history.departmentFrom));
    expect(department.to?.slice(0, 4)).toBe(String(osterodeFacts.history.departmentTo));

    const today = only(
      office.placements.filter((p) => !p.to),
      "current placement",
    );
    expect(today.unitKind).toBe("main_section");
    expect(today.reportsTo).toBe("Erster Kreisrat");

    const merger = office.milestones.find((m) => m.kind === "territorial_reform");
    expect(merger?.date).toBe(osterodeFacts.mergedIntoGoettingenOn);
    expect(merger?.date).toBe(osterodeDistrictHistory.entries.mergedOn);
  });

  it("had one programme-funded post in 2008, four staff from two programmes, two posts today", () => {
    const first = staffingOn(office, "2008-06-30");
    expect(first?.posts).toBe(1);
    expect(first?.funding).toBe("programme");
    const programmeFunded = office.staffing.filter((s) => s.funding === "programme");
    const peak = Math.max(...programmeFunded.map((s) => s.posts));
    expect(peak).toBe(osterodeFacts.staffFundedByProgrammes);
    const extended = programmeFunded.find((s) => s.posts === peak);
    expect(extended?.fundingProgrammeIds).toHaveLength(2);
    const now = staffingOn(office, stamp.slice(0, 10));
    expect(now?.posts).toBe(osterodeFacts.postsToday);
    expect(now?.funding).toBe("core_budget");
    for (const programme of osterodeExample.fundingProgramme) expect(programme.illustrative).toBe(true);
  });

  it("has a steering group and an advisory board with about 20 leaders meeting twice a year", () => {
    const steering = only(
      osterodeExample.body.filter((b) => b.kind === "steering_group"),
      "steering group",
    );
    const board = only(
      osterodeExample.body.filter((b) => b.kind === "advisory_board"),
      "advisory board",
    );
    for (const body of [steering, board]) {
      expect(body.targetMeetingsPerYear, body.name).toBe(osterodeFacts.meetingsPerYear);
      expect(body.illustrative, body.name).toBe(false);
    }
    expect(steering.decisionAuthority).toBe("decides");

    const on = stamp.slice(0, 10);
    const leaderIds = new Set(
      osterodeExample.membership
        .filter(
          (m) =>
            (m.bodyId === steering.id || m.bodyId === board.id) &&
            ["chair", "vice_chair", "member"].includes(m.role) &&
            activeOn(m, on),
        )
        .map((m) => m.contactId as string),
    );
    expect(leaderIds.size).toBe(osterodeFacts.leaders);
    for (const contactId of leaderIds) {
      const leadership = osterodeExample.affiliation.some(
        (a) => a.contactId === contactId && a.level === "leadership" && activeOn(a, on),
      );
      expect(leadership, `${contactId} sits in a leadership body without a leadership role`).toBe(true);
    }

    const heldIn2023 = (bodyId: string) =>
      osterodeExample.meeting.filter(
        (m) =>
          m.bodyId === bodyId &&
          m.start.startsWith("2023") &&
          (m.status === "held" || m.status === "minutes_approved"),
      ).length;
    expect(heldIn2023(steering.id)).toBe(osterodeFacts.meetingsPerYear);
    expect(heldIn2023(board.id)).toBe(osterodeFacts.meetingsPerYear);
  });

  it("has at least two working groups of operational staff", () => {
    const groups = osterodeExample.body.filter((b) => b.kind === "working_group");
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      expect(group.decisionAuthority).toBe("works");
      const members = osterodeExample.membership.filter((m) => m.bodyId === group.id && m.role === "member");
      expect(members.length, group.name).toBeGreaterThanOrEqual(3);
      for (const m of members) {
        const operational = osterodeExample.affiliation.some(
          (a) => a.contactId === m.contactId && a.actorId === m.actorId && a.level === "operational",
        );
        expect(operational, `${m.contactId} in ${group.name} is not operational staff`).toBe(true);
      }
    }
  });

  it("has an actor of every kind the practice example lists", () => {
    // The list as the practice example states it; the reference module must agree.
    const seedKinds: ActorKind[] = [
      "general_school",
      "vocational_school",
      "politics",
      "municipal_administration",
      "employer",
      "union",
      "association",
      "chamber",
      "independent_provider",
      "employment_agency",
      "job_centre",
      "town",
      "state_school_authority",
    ];
    expect([...practiceExampleActorKinds].sort()).toEqual([...seedKinds].sort());
    const present = new Set(osterodeExample.actor.map((a) => a.kind));
    for (const kind of seedKinds) expect(present.has(kind), `no actor of kind ${kind}`).toBe(true);
    for (const actor of osterodeExample.actor) expect(ActorKind.options).toContain(actor.kind);
  });
});

describe("Osterode example: the network at work", () => {
  it("shows a handover that keeps the seat filled", () => {
    const ended = osterodeExample.affiliation.filter((a) => a.endReason === "handover");
    expect(ended.length).toBeGreaterThan(0);
    for (const old of ended) {
      const next = osterodeExample.affiliation.find(
        (a) => a.contactId === old.successorContactId && a.actorId === old.actorId,
      );
      expect(next?.from, `successor of ${old.id}`).toBe(old.to);
    }
    const seatIds = new Set(osterodeExample.membership.map((m) => m.seatId).filter(Boolean));
    for (const seat of osterodeExample.seat) {
      for (const m of osterodeExample.membership.filter((x) => x.seatId === seat.id)) {
        expect(m.bodyId, `membership ${m.id} sits on a seat of another body`).toBe(seat.bodyId);
        expect(m.actorId, `membership ${m.id} sits on another actor's seat`).toBe(seat.actorId);
      }
    }
    expect(seatIds.size).toBeGreaterThan(0);
  });

  it("records attendance of active members, decisions and action items", () => {
    const held = osterodeExample.meeting.filter(
      (m) => m.status === "held" || m.status === "minutes_approved",
    );
    expect(held.length).toBeGreaterThanOrEqual(4);
    for (const meeting of held) {
      const day = meeting.start.slice(0, 10);
      const members = osterodeExample.membership.filter(
        (m) => m.bodyId === meeting.bodyId && activeOn(m, day),
      );
      expect(meeting.attendance.map((a) => a.contactId).sort(), meeting.title).toEqual(
        members.map((m) => m.contactId).sort(),
      );
      expect(meeting.decisions.length, meeting.title).toBeGreaterThan(0);
    }
    const items = osterodeExample.meeting.flatMap((m) => m.actionItems);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(["open", "in_progress", "done"]));
    expect(held.some((m) => m.attendance.some((a) => a.status === "represented"))).toBe(true);
  });

  it("has a cooperation agreement in force with clear, measurable goals", () => {
    const agreement = only(
      osterodeExample.agreement.filter((a) => a.kind === "cooperation_agreement"),
      "cooperation agreement",
    );
    expect(agreement.status).toBe("in_force");
    expect(agreement.signatures.length).toBe(agreement.partyActorIds.length);
    const goals = osterodeExample.goal.filter((g) => g.agreementId === agreement.id && g.state === "active");
    expect(goals.length).toBeGreaterThanOrEqual(4);
    for (const goal of goals) {
      expect(goal.indicatorId, goal.title).toBeDefined();
      expect(goal.baseline, goal.title).toBeDefined();
      expect(goal.target, goal.title).toBeDefined();
      expect(goal.deadline, goal.title).toBeDefined();
      const observed = osterodeExample.observation.filter((o) => o.indicatorId === goal.indicatorId);
      expect(observed.length, `${goal.title} has no observations`).toBeGreaterThanOrEqual(2);
    }
    expect(goals.some((g) => g.level === "strategic")).toBe(true);
    expect(goals.some((g) => g.parentGoalId)).toBe(true);
  });

  it("has minimum and action standards with interfaces, adoptions and reviews, and a guide", () => {
    const kinds = new Set(osterodeExample.standard.map((s) => s.kind));
    expect(kinds).toEqual(new Set(["minimum", "action"]));
    for (const standard of osterodeExample.standard.filter((s) => s.status === "in_force")) {
      expect(standard.interfaces.length, standard.code).toBeGreaterThan(0);
      expect(standard.adoptions.length, standard.code).toBeGreaterThan(0);
      expect(standard.reviews.length, standard.code).toBeGreaterThan(0);
    }
    const guide = only(osterodeExample.guide, "guide");
    expect(guide.title).toContain("Handlungsstandard und Praxisleitfaden");
    const referenced = new Set(guide.sections.flatMap((s) => s.standardIds));
    for (const standard of osterodeExample.standard) expect(referenced.has(standard.id)).toBe(true);
  });

  it("contains an unreviewed pair of overlapping measures for the overlap finder", () => {
    const overlaps = (
      a: number | undefined,
      b: number | undefined,
      c: number | undefined,
      d: number | undefined,
    ) => a === undefined || b === undefined || c === undefined || d === undefined || (a <= d && c <= b);
    const measures = osterodeExample.measure;
    const reviewed = new Set(osterodeExample.overlapReview.map((r) => [...r.measureIds].sort().join("|")));
    const pairs: string[] = [];
    measures.forEach((m, i) => {
      for (const n of measures.slice(i + 1)) {
        const sameCategory = m.category === n.category;
        const sharedGroup = m.targetGroups.some((g) => n.targetGroups.includes(g));
        const sameGrades = overlaps(m.grades?.min, m.grades?.max, n.grades?.min, n.grades?.max);
        const samePeriod = m.from <= (n.to ?? "9999-12-31") && n.from <= (m.to ?? "9999-12-31");
        const sameArea =
          m.areaServed.length === 0 ||
          n.areaServed.length === 0 ||
          m.areaServed.some((ags) => n.areaServed.includes(ags));
        if (sameCategory && sharedGroup && sameGrades && samePeriod && sameArea)
          pairs.push([m.id, n.id].sort().join("|"));
      }
    });
    expect(pairs.filter((p) => !reviewed.has(p)).length).toBeGreaterThan(0);
    for (const p of reviewed) expect(pairs, `reviewed pair ${p} does not overlap`).toContain(p);
    for (const m of measures) {
      for (const ags of m.areaServed)
        expect(
          region.municipalities.map((x) => x.ags),
          `${m.title} serves an unknown area`,
        ).toContain(ags);
    }
    expect(new Set(measures.map((m) => m.status))).toEqual(
      new Set(["planned", "running", "completed", "cancelled"]),
    );
  });

  it("uses only the reference lists' iABE account keys and BA measure types consistently", () => {
    const accountKeys = new Set<string>(iabeSectorIIAccounts.entries.map((e) => e.key));
    for (const m of osterodeExample.measure) {
      if (m.iabeAccount) expect(accountKeys.has(m.iabeAccount), `${m.title}: ${m.iabeAccount}`).toBe(true);
      if (m.baMeasureType) {
        const entry = baMeasureTypes.entries[m.baMeasureType];
        if (entry.iabeAccountKey) expect(m.iabeAccount, m.title).toBe(entry.iabeAccountKey);
      }
    }
  });

  it("has reconciliation rounds whose responses fit the round, and a self-assessment in waves", () => {
    expect(osterodeExample.reconciliationRound.length).toBeGreaterThanOrEqual(2);
    for (const response of osterodeExample.reconciliationResponse) {
      const round = osterodeExample.reconciliationRound.find((r) => r.id === response.roundId);
      expect(round, response.id).toBeDefined();
      if (!round) continue;
      expect(checkResponseAgainstRound(response, round), response.id).toEqual([]);
      expect(round.invitedActorIds, `${response.id} answers without an invitation`).toContain(
        response.actorId,
      );
      for (const dimension of ["expectations", "workingMethods", "selfInterests"] as const)
        expect(response[dimension].length, `${response.id} ${dimension}`).toBeGreaterThan(0);
    }
    const assessment = only(osterodeExample.maturityAssessment, "maturity assessment");
    expect(assessment.waves.length).toBeGreaterThanOrEqual(2);
    for (const wave of assessment.waves) expect(wave.answers).toHaveLength(assessment.items.length);
  });
});
