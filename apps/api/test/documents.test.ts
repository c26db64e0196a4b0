// The documents through the API: the annual report, the practice guide and the meeting papers as
// JSON, tagged PDF and iCalendar, read back with poppler and ical.js.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReportDocument } from "@oha/domain";
import { osterodeExample, osterodeFacts, osterodeIds } from "@oha/domain/example";
import { renderPdf } from "@oha/reports";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, openTestApp, problemOf, type TestApp } from "./harness.js";

const folder = mkdtempSync(join(tmpdir(), "oha-api-documents-"));
const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const text = (file: string) => poppler("pdftotext", "-enc", "UTF-8", file, "-").replace(/[\s\u00a0]+/g, " ");

describe.each(backends)("documents on $name", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend, {}, { renderPdf: (document) => renderPdf(document) });
  });
  afterAll(() => t?.close());

  const download = async (path: string, key = t.keys.viewer) => {
    const response = await t.app.request(path, { headers: { authorization: `Bearer ${key}` } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { response, bytes };
  };

  it("serves the annual report as a tagged PDF with title, language, the district's figures and meeting counts", async () => {
    const { response, bytes } = await download("/api/v1/reports/annual.pdf?year=2023");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Jahresbericht-2023-Landkreis-Osterode-am-Harz\.pdf"/,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const file = join(folder, `annual-${backend.name}.pdf`);
    writeFileSync(file, bytes);
    const info = poppler("pdfinfo", file);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Jahresbericht 2023/m);
    expect(readFileSync(file).toString("latin1")).toContain("/Lang (de-DE)");
    const content = text(file);
    expect(content).toContain(osterodeFacts.regionName);
    expect(content).toContain("116,9 Einwohner je km²");
    expect(content).toContain("Steuerungsgruppe Übergang Bildung-Beruf");
  });

  it("serves the same report as a document model for the print-ready page, in English on request", async () => {
    const reply = await t.request<unknown>("GET", "/api/v1/reports/annual?year=2023&lang=en", {
      key: t.keys.viewer,
    });
    expect(reply.status).toBe(200);
    const document = ReportDocument.parse(reply.body);
    expect(document.lang).toBe("en");
    expect(document.issuer).toBe(osterodeFacts.regionName);
    const charts = document.sections.flatMap((s) => s.blocks).filter((b) => b.type === "chart");
    expect(charts.length).toBeGreaterThan(5);
    for (const chart of charts) expect(chart.type === "chart" && chart.alt.length).toBeGreaterThan(20);
    const renamed = await t.request<ReportDocument>(
      "GET",
      "/api/v1/reports/annual?year=2023&district_name=Landkreis%20Musterland",
      {
        key: t.keys.viewer,
      },
    );
    expect(renamed.body.issuer).toBe("Landkreis Musterland");
  });

  it("serves the practice guide and a meeting's minutes and invitation as tagged PDFs", async () => {
    for (const path of [
      "/api/v1/reports/practice-guide.pdf",
      `/api/v1/meetings/${osterodeExample.meeting[0]?.id}/minutes.pdf`,
      `/api/v1/meetings/${osterodeExample.meeting[5]?.id}/invitation.pdf`,
    ]) {
      const { response, bytes } = await download(path);
      expect(response.status, path).toBe(200);
      const file = join(folder, `paper-${backend.name}.pdf`);
      writeFileSync(file, bytes);
      expect(poppler("pdfinfo", file)).toMatch(/^Tagged:\s+yes$/m);
      expect(text(file)).toContain(osterodeFacts.regionName);
    }
  });

  it("serves the invitation as an iCalendar event with the agenda and the attendees", async () => {
    const meeting = osterodeExample.meeting.find((m) => m.status === "planned");
    const reply = await t.request<string>("GET", `/api/v1/meetings/${meeting?.id}/invitation.ics`, {
      key: t.keys.viewer,
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toContain("text/calendar");
    const vevent = new ICAL.Component(ICAL.parse(reply.text)).getFirstSubcomponent("vevent");
    expect(vevent).not.toBeNull();
    const description = String(vevent?.getFirstPropertyValue("description"));
    for (const item of meeting?.agenda ?? []) expect(description).toContain(item.title);
    expect(vevent?.getAllProperties("attendee").length).toBeGreaterThanOrEqual(8);
  });

  it("keeps meetings of other tenants out, and answers 501 for PDFs where no renderer is configured", async () => {
    const foreign = await t.request("GET", `/api/v1/meetings/${osterodeIds.bodies.steeringGroup}/minutes`, {
      key: t.keys.coordinatorB,
    });
    expect(foreign.status).toBe(404);
    const otherTenant = await t.request(
      "GET",
      `/api/v1/meetings/${osterodeExample.meeting[0]?.id}/minutes.pdf`,
      {
        key: t.keys.coordinatorB,
      },
    );
    expect(otherTenant.status).toBe(404);
    const bare = t.another({}, { renderPdf: undefined });
    const unavailable = await bare.request("GET", "/api/v1/reports/annual.pdf?year=2023", {
      key: t.keys.viewer,
    });
    expect(unavailable.status).toBe(501);
    expect(problemOf(unavailable).code).toBe("not_implemented");
    expect(problemOf(unavailable).detail).toContain("PDF-Dokumente");
    const model = await bare.request("GET", "/api/v1/reports/annual?year=2023", { key: t.keys.viewer });
    expect(model.status).toBe(200);
  });
});
