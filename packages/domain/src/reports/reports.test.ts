import { describe, expect, it } from "vitest";
import { flattenGoalProgress, rollUpGoalProgress } from "../analytics/goals.js";
import { osterodeExample, osterodeIds } from "../example/index.js";
import { emptyNetwork } from "../model/entities.js";
import { buildAnnualReport, goalProgressLabel } from "./annual-report.js";
import { type ReportBlock, ReportDocument, type ReportSection } from "./document.js";
import { buildMeetingInvitation, buildMeetingMinutes, meetingCalendarEvent } from "./meeting-papers.js";
import { buildPracticeGuide } from "./practice-guide.js";

const blocks = (sections: readonly ReportSection[]): ReportBlock[] =>
  sections.flatMap((s) => [...s.blocks, ...blocks(s.sections)]);

describe("buildAnnualReport", () => {
  const report = buildAnnualReport(osterodeExample, { year: 2023 });
  if (!report.ok) throw new Error(report.error.message);
  const document = report.value;

  it("is a valid document model with every section the council expects, in order", () => {
    expect(ReportDocument.safeParse(document).success).toBe(true);
    expect(document.sections.map((s) => s.id)).toEqual([
      "overview",
      "network",
      "bodies",
      "goals",
      "standards",
      "offers",
      "indicators",
      "reconciliation",
      "continuity",
      "office",
      "notes",
    ]);
    expect(document).toMatchObject({
      kind: "annual_report",
      lang: "de",
      date: "2023-12-31",
      illustrative: true,
    });
  });

  it("gives every chart a title and an alternative text that names its figures", () => {
    const charts = blocks(document.sections).filter((b) => b.type === "chart");
    expect(charts.length).toBeGreaterThanOrEqual(8);
    for (const chart of charts) {
      if (chart.type !== "chart") continue;
      expect(chart.alt.length).toBeGreaterThan(40);
      expect(chart.alt).toMatch(/\d/);
    }
  });

  it("states the density, the meetings per body and every goal's progress", () => {
    const facts = blocks(document.sections).find((b) => b.type === "facts");
    expect(facts?.type === "facts" && facts.items).toContainEqual({
      label: "Bevölkerungsdichte",
      value: "116,9 Einwohner je km²",
    });
    const tables = blocks(document.sections).filter((b) => b.type === "table");
    const bodies = tables.find(
      (b) => b.type === "table" && b.caption.startsWith("Gremien und ihre Sitzungen"),
    );
    expect(bodies?.type === "table" && bodies.rows.map((r) => [r[0], r[3]])).toEqual([
      ["Steuerungsgruppe Übergang Bildung-Beruf", "2"],
      ["Beirat Übergang Bildung-Beruf", "2"],
      ["Arbeitsgruppe Berufsorientierung", "1"],
      ["Arbeitsgruppe Übergänge und Schnittstellen", "0"],
    ]);
    const goals = tables.find((b) => b.type === "table" && b.caption === "Ziele und Fortschritt");
    const expected = flattenGoalProgress(rollUpGoalProgress(osterodeExample, { asOf: "2023-12-31" }).roots);
    expect(goals?.type === "table" && goals.rows.map((r) => r[4])).toEqual(
      expected.map((g) => goalProgressLabel(g, "de")),
    );
    expect(goalProgressLabel({ state: "active", progressPercent: 43.5 }, "de")).toBe("43,5\u00a0%");
    expect(goalProgressLabel({ state: "dropped", progressPercent: null }, "en")).toBe("dropped");
  });

  it("speaks English when asked, and refuses a network without region", () => {
    const english = buildAnnualReport(osterodeExample, {
      year: 2023,
      locale: "en",
      districtName: "District X",
    });
    expect(english.ok && english.value.sections[0]?.title).toBe("At a glance");
    expect(english.ok && english.value.issuer).toBe("District X");
    const cut = buildAnnualReport(osterodeExample, { year: 2023, asOf: "2023-06-30" });
    expect(cut.ok && cut.value.date).toBe("2023-06-30");
    const none = buildAnnualReport(emptyNetwork(), { year: 2023 });
    expect(none.ok).toBe(false);
  });
});

describe("buildPracticeGuide", () => {
  it("lists the guide's sections in order with each referenced standard once, with its interfaces", () => {
    const guide = buildPracticeGuide(osterodeExample);
    if (!guide.ok) throw new Error(guide.error.message);
    const titles = guide.value.sections.map((s) => s.title);
    expect(titles.slice(1, 6)).toEqual(
      (osterodeExample.guide[0]?.sections ?? []).map((s) => `${s.number} ${s.title}`),
    );
    const standards = guide.value.sections.flatMap((s) => s.sections.map((x) => x.title.split(" ")[0]));
    expect(standards).toEqual(["MS-01", "HS-01", "HS-02"]);
    expect(buildPracticeGuide(osterodeExample, { guideId: "gde_000000000000" }).ok).toBe(false);
  });
});

describe("meeting papers", () => {
  const held = osterodeExample.meeting[0];
  const planned = osterodeExample.meeting.find((m) => m.status === "planned");

  it("builds minutes with attendance, votes and action items, and an invitation with the agenda", () => {
    const minutes = buildMeetingMinutes(osterodeExample, held?.id ?? "");
    if (!minutes.ok) throw new Error(minutes.error.message);
    const all = blocks(minutes.value.sections);
    const decisions = all.find((b) => b.type === "table" && b.caption.startsWith("Beschlüsse"));
    expect(decisions?.type === "table" && decisions.rows[0]?.[3]).toBe("Ja 7, Nein 0, Enthaltungen 0");
    expect(decisions?.type === "table" && decisions.rows[1]?.[3]).toBe("ohne förmliche Abstimmung");
    const invitation = buildMeetingInvitation(osterodeExample, planned?.id ?? "");
    expect(invitation.ok && blocks(invitation.value.sections).some((b) => b.type === "list")).toBe(true);
    expect(buildMeetingMinutes(osterodeExample, "mtg_000000000000").ok).toBe(false);
  });

  it("makes a calendar event with the agenda, the members and a default length of two hours", () => {
    const event = meetingCalendarEvent(osterodeExample, planned?.id ?? "");
    if (!event.ok) throw new Error(event.error.message);
    expect(event.value.end).toBe("2024-03-13T10:00:00.000Z");
    expect(event.value.status).toBe("TENTATIVE");
    expect(event.value.description).toContain("TOP 1: Zahlen, Daten, Fakten 2023");
    expect(event.value.attendees.filter((a) => a.role === "CHAIR")).toHaveLength(1);
    expect(event.value.attendees.find((a) => a.name === "Laura Zimmermann")?.role).toBe("OPT-PARTICIPANT");
    expect(planned?.bodyId).toBe(osterodeIds.bodies.steeringGroup);
  });
});
