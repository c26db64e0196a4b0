import { describe, expect, it } from "vitest";
import { later, now } from "../../test/fixtures.js";
import { can, canCompleteActionItem } from "./access.js";
import type { Affiliation } from "./actor.js";
import { type Agreement, agreementFigures, agreementStatusOn, missingSignatures } from "./agreement.js";
import type { Membership } from "./body.js";
import {
  dayBefore,
  planActionItemCompletion,
  planHandover,
  planOverlapReview,
  planSignature,
  planVerification,
} from "./commands.js";
import { createRecord, type EntityCreate, type EntityName, type EntityRecord } from "./entities.js";
import { ActionItem } from "./meeting.js";
import { officeFigures } from "./office.js";
import { regionFigures } from "./region.js";

function make<N extends EntityName>(name: N, input: EntityCreate<N>, id?: string): EntityRecord<N> {
  const made = createRecord(name, input, now, id ? { id } : {});
  if (!made.ok) throw new Error(JSON.stringify(made.error.details));
  return made.value;
}

const actor = "act_00000000000a";
const other = "act_00000000000b";
const anna = "con_00000000000a";
const bernd = "con_00000000000b";
const steering = "bod_00000000000a";
const board = "bod_00000000000b";
const seat = "sea_00000000000a";

const affiliation = make(
  "affiliation",
  { contactId: anna, actorId: actor, role: "Teamleitung U25", level: "leadership", from: "2019-01-01" },
  "aff_00000000000a",
) as Affiliation;

const member = (id: string, input: Partial<EntityCreate<"membership">>) =>
  make(
    "membership",
    { bodyId: steering, contactId: anna, actorId: actor, role: "member", from: "2020-01-01", ...input },
    id,
  ) as Membership;

describe("planHandover", () => {
  const memberships = [
    member("mem_00000000000a", { seatId: seat, role: "chair" }),
    member("mem_00000000000b", { bodyId: board, role: "member", actorId: undefined }),
    member("mem_00000000000c", { bodyId: board, actorId: other }),
    member("mem_00000000000d", { to: "2021-12-31" }),
  ];

  it("ends the affiliation the day before, starts the successor's and moves the actor's seats", () => {
    const plan = planHandover(
      { affiliation, memberships },
      { successorContactId: bernd, on: "2026-02-01", note: "Akten übergeben" },
    );
    if (!plan.ok) throw new Error(plan.error.message);
    const [end, start, ...rest] = plan.value.changes;
    expect(end).toEqual({
      kind: "update",
      entity: "affiliation",
      id: affiliation.id,
      version: 1,
      patch: { to: "2026-01-31", endReason: "handover", successorContactId: bernd, note: "Akten übergeben" },
    });
    expect(start).toEqual({
      kind: "create",
      entity: "affiliation",
      input: {
        contactId: bernd,
        actorId: actor,
        role: "Teamleitung U25",
        level: "leadership",
        primary: true,
        from: "2026-02-01",
      },
    });
    // The chair's seat and the board membership (no actor named: the person's actor) move; the
    // membership for another actor and the one that ended long ago stay.
    expect(plan.value.movedMemberships).toEqual(["mem_00000000000a", "mem_00000000000b"]);
    expect(rest).toHaveLength(4);
    expect(rest[1]).toEqual({
      kind: "create",
      entity: "membership",
      input: {
        bodyId: steering,
        contactId: bernd,
        actorId: actor,
        seatId: seat,
        role: "chair",
        votingRight: true,
        from: "2026-02-01",
      },
    });
    expect(rest[2]).toMatchObject({ kind: "update", id: "mem_00000000000b", patch: { to: "2026-01-31" } });
  });

  it("refuses the same person, an ended affiliation, and a date before its start", () => {
    const same = planHandover(
      { affiliation, memberships: [] },
      { successorContactId: anna, on: "2026-02-01" },
    );
    expect(!same.ok && same.error.code).toBe("validation_failed");
    expect(!same.ok && same.error.details?.[0]?.path).toBe("successorContactId");
    const ended = planHandover(
      { affiliation: { ...affiliation, to: "2024-12-31" }, memberships: [] },
      { successorContactId: bernd, on: "2026-02-01" },
      "en",
    );
    expect(!ended.ok && ended.error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("2024-12-31"),
    });
    const early = planHandover(
      { affiliation, memberships: [] },
      { successorContactId: bernd, on: "2019-01-01" },
    );
    expect(!early.ok && early.error.details?.[0]?.path).toBe("on");
  });

  it("counts days across month and year ends", () => {
    expect(dayBefore("2026-03-01")).toBe("2026-02-28");
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2026-01-01")).toBe("2025-12-31");
  });
});

describe("signing an agreement", () => {
  const agreement = make(
    "agreement",
    {
      title: "Kooperationsvereinbarung",
      status: "negotiating",
      partyActorIds: [actor, other],
      revisions: [
        { number: 1, summary: "Erste Fassung" },
        { number: 2, summary: "Fortschreibung" },
      ],
      signatures: [{ actorId: actor, signedOn: "2026-01-10", revision: 1 }],
      validFrom: "2026-03-01",
    },
    "agr_00000000000a",
  ) as Agreement;

  it("shows which parties have not signed the current revision", () => {
    // The one signature is under revision 1; revision 2 is current.
    expect(missingSignatures(agreement)).toEqual([actor, other]);
    expect(agreementFigures(agreement, "2026-02-01")).toEqual({
      effectiveStatus: "negotiating",
      currentRevision: 2,
      missingSignatures: [actor, other],
    });
  });

  it("is signed with the last signature, and in force once its validity starts", () => {
    const first = planSignature(agreement, { actorId: actor, signedOn: "2026-02-01" }, "2026-02-01");
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.status).toBe("negotiating");
    const afterFirst = { ...agreement, ...first.value } as Agreement;
    const last = planSignature(afterFirst, { actorId: other, signedOn: "2026-02-02" }, "2026-02-02");
    if (!last.ok) throw new Error(last.error.message);
    expect(last.value.status).toBe("signed");
    expect(last.value.signatures?.every((s) => s.revision === 2)).toBe(true);
    const signed = { ...afterFirst, ...last.value } as Agreement;
    expect(agreementStatusOn(signed, "2026-02-28")).toBe("signed");
    expect(agreementStatusOn(signed, "2026-03-01")).toBe("in_force");
    // Signing on or after the validity start puts it in force at once.
    const late = planSignature(afterFirst, { actorId: other, signedOn: "2026-03-05" }, "2026-03-05");
    expect(late.ok && late.value.status).toBe("in_force");
  });

  it("refuses a signer who is no party, and a terminated agreement", () => {
    const stranger = planSignature(
      agreement,
      { actorId: "act_00000000000z", signedOn: "2026-02-01" },
      "2026-02-01",
    );
    expect(!stranger.ok && stranger.error.details?.[0]?.path).toBe("actorId");
    const ended = planSignature(
      { ...agreement, status: "terminated", validTo: "2025-12-31" },
      { actorId: actor, signedOn: "2026-02-01" },
      "2026-02-01",
    );
    expect(!ended.ok && ended.error.code).toBe("conflict");
  });
});

describe("reviews and stamps", () => {
  const measure = (id: string) =>
    make(
      "measure",
      {
        title: "Bewerbungstraining",
        providerActorId: actor,
        category: "application_support",
        from: "2025-08-01",
      },
      id,
    );

  it("signs a review with who and when, and refuses the same measure twice", () => {
    const a = measure("msr_00000000000a");
    const b = measure("msr_00000000000b");
    const review = planOverlapReview(
      [a, b],
      { measureIds: [a.id, b.id], verdict: "complementary" },
      "Koordination",
      later,
    );
    expect(review.ok && review.value).toMatchObject({
      reviewedBy: "Koordination",
      reviewedAt: later,
      measureVersions: [1, 1],
    });
    const same = planOverlapReview(
      [a, a],
      { measureIds: [a.id, a.id], verdict: "redundant" },
      "Koordination",
      later,
    );
    expect(!same.ok && same.error.details?.[0]?.path).toBe("measureIds.1");
  });

  it("stamps a verification with the name and the time only", () => {
    expect(planVerification("Koordination Osterode", later)).toEqual({
      lastVerifiedAt: later,
      lastVerifiedBy: "Koordination Osterode",
    });
  });
});

describe("figures served with records", () => {
  it("derives the seed's population density", () => {
    expect(regionFigures({ areaKm2: 635.99, population: 74367 })).toEqual({ populationDensity: 116.9 });
    expect(regionFigures({})).toEqual({ populationDensity: null });
  });

  it("gives the office's staff today and over time", () => {
    const figures = officeFigures(
      {
        placements: [{ from: "2013-07-01", unitKind: "main_section", unitName: "Hauptsachgebiet Bildung" }],
        staffing: [
          { from: "2013-07-01", posts: 2, funding: "core_budget", fundingProgrammeIds: [] },
          {
            from: "2008-01-01",
            to: "2013-06-30",
            posts: 4,
            fte: 3.5,
            funding: "programme",
            fundingProgrammeIds: [],
          },
        ],
      },
      "2026-01-01",
    );
    expect(figures).toMatchObject({
      postsToday: 2,
      fundingToday: "core_budget",
      unitToday: "Hauptsachgebiet Bildung",
      since: "2008-01-01",
    });
    expect(figures.staffOverTime.map((s) => s.posts)).toEqual([4, 2]);
  });
});

describe("planActionItemCompletion", () => {
  const meeting = {
    actionItems: ActionItem.array().parse([
      {
        id: "tsk_000000000001",
        title: "Terminplan senden",
        status: "open",
        ownerActorId: "act_000000000001",
      },
      { id: "tsk_000000000002", title: "Befragung", status: "done", doneOn: "2025-01-10" },
      { id: "tsk_000000000003", title: "Verworfen", status: "dropped" },
    ]),
  };

  it("marks one item done today or on the day given and leaves the others alone", () => {
    const today = planActionItemCompletion(meeting, "tsk_000000000001", {}, "2025-02-03");
    expect(today.ok && today.value.actionItems?.map((i) => [i.status, i.doneOn])).toEqual([
      ["done", "2025-02-03"],
      ["done", "2025-01-10"],
      ["dropped", undefined],
    ]);
    const earlier = planActionItemCompletion(
      meeting,
      "tsk_000000000001",
      { doneOn: "2025-01-31" },
      "2025-02-03",
    );
    expect(earlier.ok && earlier.value.actionItems?.[0]?.doneOn).toBe("2025-01-31");
    const again = planActionItemCompletion(meeting, "tsk_000000000002", {}, "2025-02-03");
    expect(again.ok && again.value.actionItems?.[1]?.doneOn).toBe("2025-01-10");
  });

  it("refuses an unknown or dropped item and a completion date in the future", () => {
    const unknown = planActionItemCompletion(meeting, "tsk_000000000009", {}, "2025-02-03", "en");
    expect(!unknown.ok && unknown.error.code).toBe("not_found");
    const dropped = planActionItemCompletion(meeting, "tsk_000000000003", {}, "2025-02-03");
    expect(!dropped.ok && dropped.error).toMatchObject({
      code: "conflict",
      message: "Eine verworfene Aufgabe kann nicht erledigt werden.",
    });
    const future = planActionItemCompletion(
      meeting,
      "tsk_000000000001",
      { doneOn: "2025-02-04" },
      "2025-02-03",
    );
    expect(!future.ok && future.error.code).toBe("validation_failed");
  });
});

describe("canCompleteActionItem", () => {
  const own = { ownerActorId: "act_000000000001" };
  it("lets a partner complete only the items of its own actor, and whoever may edit meetings any item", () => {
    expect(canCompleteActionItem({ role: "partner", actorId: "act_000000000001" }, own)).toBe(true);
    expect(canCompleteActionItem({ role: "partner", actorId: "act_000000000002" }, own)).toBe(false);
    expect(canCompleteActionItem({ role: "partner" }, {})).toBe(false);
    expect(canCompleteActionItem({ role: "partner", actorId: "act_000000000001" }, {})).toBe(false);
    expect(canCompleteActionItem({ role: "coordinator" }, own)).toBe(true);
    expect(canCompleteActionItem({ role: "admin" }, {})).toBe(true);
    expect(canCompleteActionItem({ role: "viewer" }, own)).toBe(false);
    // Completing its own item gives a partner no right to change the meeting otherwise.
    expect(can({ role: "partner", actorId: "act_000000000001" }, "update", "meeting")).toBe(false);
  });
});
