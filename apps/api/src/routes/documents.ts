import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  buildAnnualReport,
  buildMeetingInvitation,
  buildMeetingMinutes,
  buildPracticeGuide,
  type DomainError,
  type Locale,
  meetingCalendarEvent,
  ReportDocument,
  type Result,
} from "@oha/domain";
import { renderIcs } from "@oha/reports/ics";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { requireFeature } from "../middleware/features.js";
import { problemResponses } from "../problems.js";
import { bearer, fail, guard, storeOf, today } from "./support.js";

// The documents for politics and partners: each as JSON (the document model, for a print-ready
// page) and as a tagged PDF; meetings also as an iCalendar invitation.

const Options = z.object({
  lang: z
    .enum(["de", "en"])
    .optional()
    .meta({ description: "Language of the document; default from Accept-Language, German first." }),
  district_name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The district's name as printed; default the tenant's region name." }),
});
const YearQuery = Options.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({
    description: "The calendar year of the report; default the current year (then up to today).",
  }),
});
const GuideQuery = Options.extend({
  guide_id: z
    .string()
    .optional()
    .meta({ description: "The guide; default the most recently published one." }),
});
const MeetingParam = z.object({ id: z.string().meta({ param: { name: "id", in: "path" } }) });

const Pdf = z.string().meta({ id: "PdfFile", format: "binary", description: "A tagged PDF (PDF/UA-1)." });
const Calendar = z.string().meta({ id: "CalendarFile", description: "An iCalendar file (RFC 5545)." });
const readProblems = problemResponses("validation_failed", "unauthorized", "forbidden", "not_found");
const pdfProblems = problemResponses(
  "validation_failed",
  "unauthorized",
  "forbidden",
  "not_found",
  "not_implemented",
);
/** The PDF routes answer 501 where the runtime renders no PDF (the edge entry). */
const pdfOnly = requireFeature("pdf");

const json = (description: string) => ({
  200: { description, content: { "application/json": { schema: ReportDocument } } },
  ...readProblems,
});
const pdf = (description: string) => ({
  200: {
    description,
    headers: z.object({ "content-disposition": z.string().meta({ description: "attachment; filename=…" }) }),
    content: { "application/pdf": { schema: Pdf } },
  },
  ...pdfProblems,
});

function localeOf(c: Context<AppEnv>, lang: Locale | undefined): Locale {
  return lang ?? c.get("locale");
}

function must<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw fail(result.error);
  return result.value;
}

/** A file name for a download: ASCII for old clients, the full name as RFC 5987 `filename*`. */
function attachment(name: string, extension: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `attachment; filename="${ascii || "dokument"}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

async function sendPdf(c: Context<AppEnv>, document: ReportDocument, name: string) {
  const render = c.get("deps").renderPdf;
  if (!render) throw new Error('PDF route without requireFeature("pdf").');
  const bytes = await render(document);
  return c.body(bytes, 200, {
    "content-type": "application/pdf",
    "content-disposition": attachment(name, "pdf"),
  });
}

async function annual(c: Context<AppEnv>, query: z.infer<typeof YearQuery>) {
  guard(c, "read", "region");
  guard(c, "read", "meeting");
  const now = today(c);
  const year = query.year ?? Number(now.slice(0, 4));
  const network = await storeOf(c).network();
  return must(
    buildAnnualReport(network, {
      year,
      locale: localeOf(c, query.lang),
      ...(year === Number(now.slice(0, 4)) ? { asOf: now } : {}),
      ...(query.district_name ? { districtName: query.district_name } : {}),
    }),
  );
}

async function guide(c: Context<AppEnv>, query: z.infer<typeof GuideQuery>) {
  guard(c, "read", "guide");
  guard(c, "read", "standard");
  const network = await storeOf(c).network();
  return must(
    buildPracticeGuide(network, {
      locale: localeOf(c, query.lang),
      asOf: today(c),
      ...(query.guide_id ? { guideId: query.guide_id } : {}),
      ...(query.district_name ? { districtName: query.district_name } : {}),
    }),
  );
}

async function meetingNetwork(c: Context<AppEnv>) {
  guard(c, "read", "meeting");
  guard(c, "read", "contact");
  return storeOf(c).network();
}

const paperOptions = (c: Context<AppEnv>, query: z.infer<typeof Options>) => ({
  locale: localeOf(c, query.lang),
  ...(query.district_name ? { districtName: query.district_name } : {}),
});

/** The annual report, the practice guide and a meeting's invitation and minutes. */
export function documentRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/reports/annual",
        operationId: "getAnnualReport",
        tags: ["Documents"],
        summary: "Annual report as a document model / Jahresbericht (Inhalt)",
        description:
          "The annual report for the district council and the steering group, for a year: sections, headings, paragraphs, tables and chart data with alternative texts. A print-ready page renders this model.",
        security: bearer,
        request: { query: YearQuery },
        responses: json("The annual report"),
      }),
      async (c) => c.json(await annual(c, c.req.valid("query")), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/reports/annual.pdf",
        operationId: "getAnnualReportPdf",
        tags: ["Documents"],
        summary: "Annual report as tagged PDF / Jahresbericht als PDF",
        security: bearer,
        request: { query: YearQuery },
        middleware: pdfOnly,
        responses: pdf("The annual report as a tagged PDF"),
      }),
      async (c) => {
        const document = await annual(c, c.req.valid("query"));
        return sendPdf(c, document, `${document.title.split(":")[0]} ${document.issuer}`);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/reports/practice-guide",
        operationId: "getPracticeGuide",
        tags: ["Documents"],
        summary: "Practice guide as a document model / Praxisleitfaden (Inhalt)",
        security: bearer,
        request: { query: GuideQuery },
        responses: json(
          "The practice guide: sections in order, each with its standards, interfaces and adoption",
        ),
      }),
      async (c) => c.json(await guide(c, c.req.valid("query")), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/reports/practice-guide.pdf",
        operationId: "getPracticeGuidePdf",
        tags: ["Documents"],
        summary: "Practice guide as tagged PDF / Praxisleitfaden als PDF",
        security: bearer,
        request: { query: GuideQuery },
        middleware: pdfOnly,
        responses: pdf("The practice guide as a tagged PDF"),
      }),
      async (c) => {
        const document = await guide(c, c.req.valid("query"));
        return sendPdf(c, document, `Praxisleitfaden ${document.issuer}`);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/meetings/{id}/invitation",
        operationId: "getMeetingInvitation",
        tags: ["Documents"],
        summary: "Invitation to a meeting as a document model / Einladung (Inhalt)",
        security: bearer,
        request: { params: MeetingParam, query: Options },
        responses: json("The invitation with agenda and invited members"),
      }),
      async (c) => {
        const network = await meetingNetwork(c);
        return c.json(
          must(
            buildMeetingInvitation(network, c.req.valid("param").id, paperOptions(c, c.req.valid("query"))),
          ),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/meetings/{id}/invitation.pdf",
        operationId: "getMeetingInvitationPdf",
        tags: ["Documents"],
        summary: "Invitation as tagged PDF / Einladung als PDF",
        security: bearer,
        request: { params: MeetingParam, query: Options },
        middleware: pdfOnly,
        responses: pdf("The invitation as a tagged PDF"),
      }),
      async (c) => {
        const network = await meetingNetwork(c);
        const document = must(
          buildMeetingInvitation(network, c.req.valid("param").id, paperOptions(c, c.req.valid("query"))),
        );
        return sendPdf(c, document, document.title.replace(":", ""));
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/meetings/{id}/invitation.ics",
        operationId: "getMeetingInvitationIcs",
        tags: ["Documents"],
        summary: "Invitation as iCalendar event / Einladung für den Kalender",
        description:
          "One VEVENT (METHOD:REQUEST) with UID and SEQUENCE, start, end, place, the agenda in the description, the office as organiser and the invited members as attendees (mailto where an e-mail address is known).",
        security: bearer,
        request: { params: MeetingParam, query: Options },
        responses: {
          200: {
            description: "The event",
            headers: z.object({
              "content-disposition": z.string().meta({ description: "attachment; filename=…" }),
            }),
            content: { "text/calendar": { schema: Calendar } },
          },
          ...readProblems,
        },
      }),
      async (c) => {
        const network = await meetingNetwork(c);
        const event = must(
          meetingCalendarEvent(network, c.req.valid("param").id, paperOptions(c, c.req.valid("query"))),
        );
        return c.body(renderIcs(event), 200, {
          "content-type": "text/calendar; charset=utf-8; method=REQUEST",
          "content-disposition": attachment(event.summary, "ics"),
        });
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/meetings/{id}/minutes",
        operationId: "getMeetingMinutes",
        tags: ["Documents"],
        summary: "Minutes of a meeting as a document model / Protokoll (Inhalt)",
        security: bearer,
        request: { params: MeetingParam, query: Options },
        responses: json("The minutes with attendance, decisions with votes and action items"),
      }),
      async (c) => {
        const network = await meetingNetwork(c);
        return c.json(
          must(buildMeetingMinutes(network, c.req.valid("param").id, paperOptions(c, c.req.valid("query")))),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/meetings/{id}/minutes.pdf",
        operationId: "getMeetingMinutesPdf",
        tags: ["Documents"],
        summary: "Minutes as tagged PDF / Protokoll als PDF",
        security: bearer,
        request: { params: MeetingParam, query: Options },
        middleware: pdfOnly,
        responses: pdf("The minutes as a tagged PDF"),
      }),
      async (c) => {
        const network = await meetingNetwork(c);
        const document = must(
          buildMeetingMinutes(network, c.req.valid("param").id, paperOptions(c, c.req.valid("query"))),
        );
        return sendPdf(c, document, document.title.replace(":", ""));
      },
    );
}
