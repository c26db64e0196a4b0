import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  buildTransferPackage,
  planTransferImport,
  TransferPackage,
  transferEntities,
  transferKinds,
} from "@oha/domain/interop";
import type { AppEnv } from "../env.js";
import { validationHook } from "../http.js";
import { problemResponses } from "../problems.js";
import { bearer, fail, guard, now, storeOf } from "./support.js";

const tags = ["Interoperability"];

const TransferImportRequest = z
  .object({
    package: TransferPackage,
    take: z.array(z.string()).optional().meta({
      description:
        "The items to take, by `ref` from the preview (`standard:MS-01`, `guide:<title>`, …); by default every new and changed item.",
    }),
  })
  .meta({ id: "TransferImportRequest" });

const LocalizedText = z.object({ de: z.string(), en: z.string() });
const TransferImportResult = z
  .object({
    dryRun: z.boolean(),
    items: z.array(
      z.object({
        ref: z.string(),
        kind: z.enum(transferKinds),
        key: z.string(),
        title: z.string(),
        status: z.enum(["new", "changed", "identical"]),
        existingId: z.string().optional(),
        changes: z.array(
          z.object({
            field: z.string(),
            before: z.unknown().meta({ description: "The district's value." }),
            after: z.unknown().meta({ description: "The package's value." }),
          }),
        ),
        take: z.boolean(),
        writes: z
          .number()
          .int()
          .meta({ description: "Records the import writes for this item (0: nothing changes)." }),
      }),
    ),
    warnings: z.array(z.object({ ref: z.string(), message: LocalizedText })),
    summary: z.object({
      new: z.number().int(),
      changed: z.number().int(),
      identical: z.number().int(),
      taken: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
    }),
  })
  .meta({ id: "TransferImportResult" });

const DryRun = z.object({
  dry_run: z
    .enum(["true", "false"])
    .default("false")
    .meta({ description: "Only compare and plan (the preview); write nothing." }),
});

const readable = ["standard", "guide", "agreement", "goal", "maturityAssessment", "actor"] as const;

/**
 * Transfer packages between districts: export the caller's standards, guides, agreement templates and
 * questionnaires as one package; preview and import another district's package as drafts.
 */
export function transferRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: "get",
        path: "/transfer/export",
        tags,
        summary: "Export a transfer package / Transferpaket exportieren",
        description:
          "Standards with interfaces, practice guides, agreement templates with goal trees and maturity questionnaires as one versioned package with provenance and without personal data. Its JSON Schema ships in @oha/domain (`@oha/domain/json-schema/TransferPackage.json`).",
        operationId: "exportTransferPackage",
        security: bearer,
        responses: {
          200: { description: "The package", content: { "application/json": { schema: TransferPackage } } },
          ...problemResponses("unauthorized", "forbidden", "rate_limited"),
        },
      }),
      async (c) => {
        for (const entity of readable) guard(c, "read", entity);
        const tenantId = c.get("principal").tenantId;
        const network = await storeOf(c).network({ entities: ["region", ...readable] });
        const pkg = buildTransferPackage(network, { regionId: tenantId, exportedAt: now(c).toISOString() });
        c.header("Content-Disposition", `attachment; filename="oha-transfer-${tenantId}.json"`);
        return c.json(pkg, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/transfer/import",
        tags,
        summary: "Preview or import a transfer package / Transferpaket vergleichen oder übernehmen",
        description:
          "With `dry_run=true` the preview: every item of the package as new, changed (with the fields that differ) or identical compared with the district's records. Without it, the chosen items are written in one transaction as drafts; actor-specific parts are never part of a package. Importing the same package again writes nothing.",
        operationId: "importTransferPackage",
        security: bearer,
        request: {
          query: DryRun,
          body: { required: true, content: { "application/json": { schema: TransferImportRequest } } },
        },
        responses: {
          200: {
            description: "The comparison and what was taken",
            content: { "application/json": { schema: TransferImportResult } },
          },
          ...problemResponses(
            "validation_failed",
            "unauthorized",
            "forbidden",
            "payload_too_large",
            "rate_limited",
          ),
        },
      }),
      async (c) => {
        guard(c, "import", "tenant");
        const body = c.req.valid("json");
        const locale = c.get("locale");
        const current = await storeOf(c).network({ entities: ["region", ...readable] });
        const plan = planTransferImport(body.package, current, {
          now: now(c).toISOString(),
          take: body.take,
          locale,
        });
        const dryRun = c.req.valid("query").dry_run === "true";
        const writes = transferEntities.reduce(
          (n, entity) => n + (plan.records[entity as keyof typeof plan.records]?.length ?? 0),
          0,
        );
        if (!dryRun && writes > 0) {
          const written = await storeOf(c).mergeRecords(plan.records, {
            principal: c.get("principal").id,
            locale,
          });
          if (!written.ok) throw fail(written.error);
        }
        return c.json(
          {
            dryRun,
            items: plan.items.map((i) => ({ ...i, changes: [...i.changes] })),
            warnings: [...plan.warnings],
            summary: plan.summary,
          },
          200,
        );
      },
    );
}
