// The documents of the Osterode example as a person receives them: tagged PDFs read back with
// poppler (pdfinfo, pdftotext), and the invitation's .ics read back with an iCalendar parser.
import {
  assessParticipation,
  buildAnnualReport,
  buildMeetingInvitation,
  buildMeetingMinutes,
  buildPracticeGuide,
  flattenGoalProgress,
  goalProgressLabel,
  meetingCalendarEvent,
  type ReportDocument,
  rollUpGoalProgress,
} from "@oha/domain";
import { osterodeExample, osterodeFacts, osterodeIds } from "@oha/domain/example";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { renderIcs, renderPdf } from "../src/index.js";
import {
  findAll,
  normalise,
  pdfinfo,
  pdftotext,
  raw,
  save,
  structure,
  tableRows,
  textOf,
} from "./poppler.js";

const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

// A 1×1 PNG, standing in for a district's logo.
const logo = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);

const charts = (document: ReportDocument) => {
  let count = 0;
  const walk = (sections: readonly ReportDocument["sections"][number][]) => {
    for (const s of sections) {
      count += s.blocks.filter((b) => b.type === "chart").length;
      walk(s.sections);
    }
  };
  walk(document.sections);
  return count;
};

/** What every document must be: tagged, titled, in its language, with a text for every figure. */
function expectAccessible(file: string, document: ReportDocument, figures: number) {
  const info = pdfinfo(file);
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  expect(normalise(/^Title:\s+(.*)$/m.exec(info)?.[1] ?? "")).toBe(normalise(document.title));
  expect(info).toMatch(/^Author:\s+\S/m);
  // The document language: in the catalogue (/Lang) and in the XMP metadata pdfinfo prints.
  const tag = document.lang === "de" ? "de-DE" : "en-GB";
  expect(raw(file)).toContain(`/Lang (${tag})`);
  expect(pdfinfo(file, "-meta")).toMatch(new RegExp(`<dc:language>.*<rdf:li>${tag}</rdf:li>`, "s"));
  // The viewer shows the title, not the file name.
  expect(raw(file)).toMatch(/\/DisplayDocTitle true/);
  // Every figure in the structure tree, and exactly as many alternative texts.
  const tree = structure(file);
  expect(findAll(tree, "Figure")).toHaveLength(figures);
  expect(raw(file).match(/\/Alt \(/g) ?? []).toHaveLength(figures);
  expect(findAll(tree, "Document")).toHaveLength(1);
  return tree;
}

describe("annual report of the Osterode example", () => {
  const year = 2023;
  let document: ReportDocument;
  let file: string;
  beforeAll(async () => {
    document = must(buildAnnualReport(osterodeExample, { year }));
    file = save(await renderPdf(document, { logo }), "annual-report");
  });

  it("is a tagged PDF with title, language, headings in reading order and an alternative text for every chart and the logo", () => {
    const tree = expectAccessible(file, document, charts(document) + 1);
    const headings = findAll(tree, "H2").map(textOf);
    expect(headings).toEqual(document.sections.map((s) => s.title));
    expect(findAll(tree, "H1").map(textOf)).toEqual([document.title]);
    expect(findAll(tree, "Sect").length).toBeGreaterThanOrEqual(document.sections.length);
  });

  it("names the district and its population density", () => {
    const text = pdftotext(file);
    expect(text).toContain(osterodeFacts.regionName);
    expect(text).toContain("116,9 Einwohner je km²");
    expect(text).toContain("635,99 km²");
    expect(text).toContain("74.367");
  });

  it("shows how often each body met in the year, in the bodies' table", () => {
    const held = assessParticipation(osterodeExample, {
      asOf: `${year}-12-31`,
      window: { from: `${year}-01-01`, to: `${year}-12-31` },
    }).bodies;
    const rows = tableRows(structure(file));
    for (const body of osterodeExample.body) {
      const row = rows.find((r) => r[0] === body.name && r.length === 6);
      const expected = held.find((b) => b.bodyId === body.id);
      expect(row, body.name).toBeDefined();
      expect(row?.[2]).toBe(String(expected?.requiredMeetings));
      expect(row?.[3]).toBe(String(expected?.held));
    }
    // The practice example: steering group and advisory board meet about twice a year.
    const steering = rows.find((r) => r[0] === "Steuerungsgruppe Übergang Bildung-Beruf" && r.length === 6);
    expect(steering?.[3]).toBe(String(osterodeFacts.meetingsPerYear));
  });

  it("states every goal's progress", () => {
    const goals = flattenGoalProgress(rollUpGoalProgress(osterodeExample, { asOf: `${year}-12-31` }).roots);
    expect(goals).toHaveLength(osterodeExample.goal.length);
    const rows = tableRows(structure(file));
    const text = pdftotext(file);
    let measured = 0;
    for (const goal of goals) {
      const row = rows.find((r) => r[0]?.endsWith(goal.title) && r.length === 6);
      expect(row, goal.title).toBeDefined();
      expect(normalise(row?.[4] ?? "")).toBe(normalise(goalProgressLabel(goal, "de")));
      expect(text).toContain(normalise(goalProgressLabel(goal, "de")));
      if (goal.progressPercent !== null) measured += 1;
    }
    expect(measured).toBeGreaterThanOrEqual(4);
  });

  it("names the source and vintage of the indicators", () => {
    const text = pdftotext(file);
    for (const indicator of osterodeExample.indicator) expect(text).toContain(indicator.code);
    expect(text).toContain("Statistik der Bundesagentur für Arbeit");
    expect(text).toContain("Datenstand");
  });

  it("switches to English, with the document language en-GB", async () => {
    const english = must(buildAnnualReport(osterodeExample, { year, locale: "en" }));
    const englishFile = save(await renderPdf(english), "annual-report-en");
    expectAccessible(englishFile, english, charts(english));
    const text = pdftotext(englishFile);
    expect(text).toContain("116.9 inhabitants per km²");
    expect(text).toContain("Goals of the cooperation agreement");
    expect(text).not.toContain("Einwohner je km²");
  });
});

describe("practice guide of the Osterode example", () => {
  it("is a tagged PDF with the guide's sections in order, each with its standards and interfaces", async () => {
    const document = must(buildPracticeGuide(osterodeExample));
    const file = save(await renderPdf(document), "practice-guide");
    const tree = expectAccessible(file, document, charts(document));
    const guide = osterodeExample.guide[0];
    expect(guide).toBeDefined();
    const h2 = findAll(tree, "H2").map(textOf);
    const sectionTitles = (guide?.sections ?? []).map((s) => `${s.number} ${s.title}`);
    expect(h2.filter((h) => sectionTitles.includes(h))).toEqual(sectionTitles);
    expect(pdftotext(file)).toContain(osterodeFacts.regionName);
    const cells = findAll(tree, "TD").map(textOf);
    for (const standard of osterodeExample.standard) {
      expect(findAll(tree, "H3").map(textOf)).toContain(`${standard.code} ${standard.title}`);
      for (const ifc of standard.interfaces) expect(cells).toContain(normalise(ifc.handover));
    }
  });
});

describe("meeting papers", () => {
  it("prints the minutes with attendance, decisions with their votes and action items", async () => {
    const meeting = osterodeExample.meeting.find((m) => m.decisions.some((d) => d.votesFor !== undefined));
    expect(meeting).toBeDefined();
    if (!meeting) return;
    const document = must(buildMeetingMinutes(osterodeExample, meeting.id));
    const file = save(await renderPdf(document), "minutes");
    expectAccessible(file, document, 0);
    const text = pdftotext(file);
    expect(text).toContain(osterodeFacts.regionName);
    expect(text).toContain(meeting.title);
    for (const decision of meeting.decisions) expect(text).toContain(normalise(decision.text).slice(0, 60));
    const voted = meeting.decisions.find((d) => d.votesFor !== undefined);
    expect(text).toContain(
      `Ja ${voted?.votesFor}, Nein ${voted?.votesAgainst ?? 0}, Enthaltungen ${voted?.abstentions ?? 0}`,
    );
    for (const item of meeting.actionItems) expect(text).toContain(normalise(item.title));
    const rows = tableRows(structure(file));
    const represented = meeting.attendance.filter((a) => a.status === "represented").length;
    expect(rows.filter((r) => r[2] === "Vertreten")).toHaveLength(represented);
    expect(
      rows.filter((r) =>
        ["Anwesend", "Vertreten", "Entschuldigt", "Unentschuldigt abwesend"].includes(r[2] ?? ""),
      ),
    ).toHaveLength(meeting.attendance.length);
  });

  it("prints the invitation with the agenda", async () => {
    const meetingId = osterodeExample.meeting.find((m) => m.status === "planned")?.id ?? "";
    const document = must(buildMeetingInvitation(osterodeExample, meetingId));
    const file = save(await renderPdf(document), "invitation");
    expectAccessible(file, document, 0);
    const text = pdftotext(file);
    const meeting = osterodeExample.meeting.find((m) => m.id === meetingId);
    for (const item of meeting?.agenda ?? []) expect(text).toContain(`TOP ${item.number}: ${item.title}`);
    expect(text).toContain("13.03.2024, 09:00 Uhr");
  });

  it("writes an .ics event that an iCalendar parser reads, with the agenda in its description and the members as attendees", () => {
    const meeting = osterodeExample.meeting.find((m) => m.status === "planned");
    expect(meeting).toBeDefined();
    if (!meeting) return;
    const ics = renderIcs(must(meetingCalendarEvent(osterodeExample, meeting.id)));
    expect(ics.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevent = calendar.getFirstSubcomponent("vevent");
    expect(vevent).not.toBeNull();
    if (!vevent) return;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(`${meeting.id}@oha`);
    expect(event.summary).toBe(meeting.title);
    expect(event.location).toBe(meeting.location);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(meeting.start).toISOString());
    for (const item of meeting.agenda)
      expect(event.description).toContain(`TOP ${item.number}: ${item.title}`);
    const members = osterodeExample.membership.filter(
      (m) =>
        m.bodyId === meeting.bodyId &&
        m.from <= meeting.start.slice(0, 10) &&
        (!m.to || m.to >= meeting.start.slice(0, 10)),
    );
    const attendees = vevent.getAllProperties("attendee");
    expect(attendees).toHaveLength(members.length);
    const chair = attendees.find((a) => a.getParameter("role") === "CHAIR");
    expect(chair?.getParameter("cn")).toBe("Thomas Berger");
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(meeting.bodyId).toBe(osterodeIds.bodies.steeringGroup);
  });
});
