import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  decodeStatisticsFile,
  ok,
  planStatisticsImport,
  previewStatistics,
  StatisticsFormat,
  type StatisticsImportPlan,
  StatisticsPreview,
} from "@oha/domain";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { ProblemError, problemResponses } from "../problems.js";
import { bearer, fail, guard, storeOf, today } from "./support.js";

// Official statistics in: a GENESIS flat-file table, the Federal Employment Agency's training-market
// figures or iABE account figures become indicators and observations, all or nothing.

const Upload = z
  .strictObject({
    fileName: z.string().trim().max(300).optional().meta({
      description:
        "The file's name; a GENESIS table code in it (e.g. 12411-01-01-4_de_flat.csv) names the source table.",
    }),
    format: StatisticsFormat.optional().meta({
      description: "The format; recognised from the content when left out.",
    }),
    vintage: z.string().trim().max(40).optional().meta({
      description:
        "The data status (Datenstand), e.g. 2024-05-15; overrides the file's. Default: the file's, else today.",
    }),
    content: z.string().optional().meta({ description: "The file's text." }),
    contentBase64: z
      .string()
      .optional()
      .meta({ description: "The file's bytes in Base64 (UTF-8 or Windows-1252 are recognised)." }),
  })
  .meta({ id: "StatisticsUpload" });

const ImportQuery = z.object({
  dry_run: z
    .enum(["true", "false"])
    .default("false")
    .meta({ description: "true: only show what would be imported (the preview), write nothing." }),
});

const PlanSummary = z
  .object({
    vintage: z.string(),
    newIndicators: z.array(z.object({ code: z.string(), name: z.string() })),
    existingIndicators: z.array(z.object({ code: z.string(), id: z.string() })),
    newObservations: z.int(),
    unchanged: z.int(),
  })
  .meta({ id: "StatisticsImportPlan" });

const ImportOutcome = z
  .object({
    dryRun: z.boolean(),
    preview: StatisticsPreview,
    /** What is (or, in a dry run, would be) written; null when the file cannot be imported. */
    plan: PlanSummary.nullable(),
    /** The problems that refuse the import (same as in the preview, plus conflicts with stored values). */
    problems: z.array(z.object({ line: z.int(), code: z.string(), message: z.string() })),
    created: z
      .object({ indicatorIds: z.array(z.string()), observationIds: z.array(z.string()) })
      .nullable()
      .meta({ description: "The records written; null in a dry run." }),
  })
  .meta({ id: "StatisticsImportOutcome" });

function summary(plan: StatisticsImportPlan): z.infer<typeof PlanSummary> {
  return {
    vintage: plan.vintage,
    newIndicators: plan.indicators.map((i) => ({ code: i.code, name: i.name })),
    existingIndicators: Object.entries(plan.existingIndicators).map(([code, id]) => ({ code, id })),
    newObservations: plan.observations.length,
    unchanged: plan.unchanged.length,
  };
}

function textOf(c: Context<AppEnv>, upload: z.infer<typeof Upload>): string {
  if (upload.content !== undefined) return upload.content;
  if (upload.contentBase64 !== undefined) {
    const binary = atob(upload.contentBase64.replace(/\s/g, ""));
    return decodeStatisticsFile(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
  }
  throw new ProblemError("validation_failed", {
    detail:
      c.get("locale") === "de"
        ? "Bitte die Datei mitsenden: „content“ (Text) oder „contentBase64“."
        : "Please send the file: “content” (text) or “contentBase64”.",
  });
}

/** Preview and import of official statistics files. */
export function statisticsRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: "post",
      path: "/statistics/import",
      operationId: "importStatistics",
      tags: ["Statistics"],
      summary: "Import official statistics, all or nothing / Amtliche Statistik übernehmen",
      description:
        "Reads a GENESIS/Regionalstatistik flat-file CSV, a training-market table of the Federal Employment Agency's statistics or an iABE table by sector and account. With `dry_run=true` it only answers what it recognised (areas of the tenant, periods, units, indicators), what it skipped and why, and what it would write. Otherwise it writes indicators and observations with source table, vintage and regional key in one transaction, or nothing: a regional key of another area or a broken line refuses the file with a message naming the line (409). A value the tenant already has is not stored again; a newer vintage with a changed value is added beside the old one.",
      security: bearer,
      request: {
        query: ImportQuery,
        body: { required: true, content: { "application/json": { schema: Upload } } },
      },
      responses: {
        200: {
          description: "The preview (dry run) or the import's outcome",
          content: { "application/json": { schema: ImportOutcome } },
        },
        ...problemResponses(
          "validation_failed",
          "unauthorized",
          "forbidden",
          "import_refused",
          "payload_too_large",
        ),
      },
    }),
    async (c) => {
      guard(c, "create", "indicator");
      guard(c, "create", "observation");
      const upload = c.req.valid("json");
      const dryRun = c.req.valid("query").dry_run === "true";
      const locale = c.get("locale");
      const store = storeOf(c);
      const region = await store.get("region", c.get("principal").tenantId);
      if (!region.ok) throw fail(region.error);
      const preview = previewStatistics(textOf(c, upload), {
        region: region.value,
        fileName: upload.fileName,
        format: upload.format,
        vintage: upload.vintage,
        locale,
      });
      const options = { defaultVintage: today(c), locale };
      if (dryRun) {
        const plan = planStatisticsImport(preview, await store.network(), options);
        const problems = plan.ok
          ? []
          : (plan.error.details ?? []).map((d) => ({
              line: Number(d.path.split(".")[1] ?? 0),
              code: d.code,
              message: d.message,
            }));
        return c.json(
          { dryRun, preview, plan: plan.ok ? summary(plan.value) : null, problems, created: null },
          200,
        );
      }
      const ctx = { principal: c.get("principal").id, locale };
      const written = await store.transaction(async (tx) => {
        // Planned inside the transaction, against the records as they are now.
        const plan = planStatisticsImport(preview, await tx.network(), options);
        if (!plan.ok) return plan;
        const ids: Record<string, string> = { ...plan.value.existingIndicators };
        const indicatorIds: string[] = [];
        const observationIds: string[] = [];
        for (const input of plan.value.indicators) {
          const created = await tx.create("indicator", input, ctx);
          if (!created.ok) return created;
          ids[input.code] = created.value.id;
          indicatorIds.push(created.value.id);
        }
        for (const entry of plan.value.observations) {
          const indicatorId = ids[entry.indicatorCode];
          if (!indicatorId) throw new Error(`No indicator for ${entry.indicatorCode}`);
          const created = await tx.create("observation", { ...entry.input, indicatorId }, ctx);
          if (!created.ok) return created;
          observationIds.push(created.value.id);
        }
        return ok({ plan: plan.value, indicatorIds, observationIds });
      });
      if (!written.ok) throw fail(written.error);
      return c.json(
        {
          dryRun,
          preview,
          plan: summary(written.value.plan),
          problems: [],
          created: { indicatorIds: written.value.indicatorIds, observationIds: written.value.observationIds },
        },
        200,
      );
    },
  );
}
