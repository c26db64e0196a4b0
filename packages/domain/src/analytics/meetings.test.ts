import { describe, expect, it } from "vitest";
import { osterodeExample } from "../example/index.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  emptyNetwork,
  entities,
} from "../model/entities.js";
import { upcomingMeetings } from "./meetings.js";

const id = (name: EntityName, n: number) => `${entities[name].idPrefix}_${String(n).padStart(12, "0")}`;
function make<N extends EntityName>(name: N, n: number, input: Record<string, unknown>): EntityRecord<N> {
  const result = createRecord(name, input, "2024-01-01T00:00:00.000Z", { id: id(name, n) });
  if (!result.ok) throw new Error(`${name} ${n}: ${JSON.stringify(result.error.details)}`);
  return result.value;
}
const body = (n: number) =>
  make("body", n, {
    name: `Gremium ${n}`,
    kind: "working_group",
    decisionAuthority: "works",
    targetMeetingsPerYear: 4,
  });
const meeting = (n: number, bodyN: number, start: string, status = "planned") =>
  make("meeting", n, { bodyId: id("body", bodyN), title: `Sitzung ${n}`, start, status });

const network = {
  ...emptyNetwork(),
  body: [body(1), body(2), body(3)],
  seat: [make("seat", 1, { bodyId: id("body", 1), actorId: id("actor", 1) })],
  membership: [
    make("membership", 1, {
      bodyId: id("body", 2),
      contactId: id("contact", 1),
      actorId: id("actor", 1),
      role: "member",
      from: "2024-01-01",
    }),
    make("membership", 2, {
      bodyId: id("body", 3),
      contactId: id("contact", 2),
      actorId: id("actor", 1),
      role: "member",
      from: "2020-01-01",
      to: "2023-12-31",
    }),
  ],
  meeting: [
    meeting(1, 1, "2025-03-10T09:00:00+01:00"),
    meeting(2, 2, "2025-02-01T09:00:00+01:00"),
    meeting(3, 3, "2025-01-15T09:00:00+01:00"),
    meeting(4, 1, "2025-01-20T09:00:00+01:00", "cancelled"),
    meeting(5, 2, "2024-11-05T09:00:00+01:00", "invited"),
    meeting(6, 2, "2024-10-05T09:00:00+02:00", "held"),
  ],
};

describe("upcomingMeetings", () => {
  it("lists the next meetings of every body soonest first, without cancelled ones, and the past ones without outcome", () => {
    const found = upcomingMeetings(network, { asOf: "2025-01-01" });
    expect(found.meetings.map((m) => [m.meetingId, m.days])).toEqual([
      [id("meeting", 3), 14],
      [id("meeting", 2), 31],
      [id("meeting", 1), 68],
    ]);
    expect(found.total).toBe(3);
    expect(found.unrecorded.map((m) => [m.meetingId, m.days])).toEqual([[id("meeting", 5), -57]]);
    expect(upcomingMeetings(network, { asOf: "2025-01-01", limit: 1 })).toMatchObject({
      total: 3,
      meetings: [{ meetingId: id("meeting", 3) }],
    });
  });

  it("keeps to the bodies a partner sits in today, by a seat or a membership", () => {
    const found = upcomingMeetings(network, { asOf: "2025-01-01", actorId: id("actor", 1) });
    expect(found.bodyIds).toEqual([id("body", 1), id("body", 2)]);
    expect(found.meetings.map((m) => m.meetingId)).toEqual([id("meeting", 2), id("meeting", 1)]);
    expect(upcomingMeetings(network, { asOf: "2025-01-01", actorId: id("actor", 9) })).toMatchObject({
      bodyIds: [],
      meetings: [],
      unrecorded: [],
    });
  });

  it("finds the Osterode steering group's planned meeting of March 2024 without an outcome later on", () => {
    const before = upcomingMeetings(osterodeExample, { asOf: "2024-03-01" });
    expect(before.meetings.map((m) => m.title)).toEqual(["Sitzung der Steuerungsgruppe 1/2024"]);
    const after = upcomingMeetings(osterodeExample, { asOf: "2024-06-30" });
    expect(after.meetings).toEqual([]);
    expect(after.unrecorded.map((m) => m.title)).toEqual(["Sitzung der Steuerungsgruppe 1/2024"]);
  });
});
