import { z } from "zod";
import { type Locale, type LocalizedText, text } from "../common/i18n.js";
import { newId } from "../common/ids.js";
import { IsoDate, IsoDateTime, LongText, Name } from "../common/record.js";
import type { DomainError, Result } from "../common/result.js";
import { validate } from "../common/validation.js";
import { ActorKind, LegalFramework } from "../model/actor.js";
import { type Agreement, AgreementKind } from "../model/agreement.js";
import {
  createRecord,
  type EntityName,
  type EntityRecord,
  type Network,
  updateRecord,
} from "../model/entities.js";
import { type Goal, GoalLevel } from "../model/goal.js";
import { type MaturityAssessment, MaturityItem } from "../model/maturity.js";
import { KeySystem } from "../model/region.js";
import {
  type Guide,
  type Interface,
  type Party,
  ResponsibilityRole,
  type Standard,
  StandardKind,
} from "../model/standard.js";
import { byKey, canonical, defined as compact } from "./common.js";

/** The identifier of the transfer package format. */
export const transferFormat = "oha.transfer-package";
/** The version of the transfer package format; a package of another version is refused. */
export const transferFormatVersion = 1;
/** Where the JSON Schema of the package format is named (an identifier, shipped in the package). */
export const transferSchemaId = "https://oha.example/schemas/TransferPackage.json";

const Code = z.string().trim().min(1).max(40);

/** Where an item of a package comes from in the exporting district. */
export const TransferSource = z
  .strictObject({
    id: z.string(),
    version: z.int().min(1),
    updatedAt: IsoDateTime,
    status: z.string().optional(),
  })
  .meta({ id: "TransferSource", description: "The record in the exporting district, for reference only." });
export type TransferSource = z.infer<typeof TransferSource>;

/** One side of an interface in a package: a kind of actor (specific actors stay in their district). */
export const TransferParty = z.strictObject({ actorKind: ActorKind }).meta({ id: "TransferParty" });

/** An interface (Schnittstelle) of a standard, between kinds of actors. */
export const TransferInterface = z
  .strictObject({
    from: TransferParty,
    to: TransferParty,
    handover: z.string().trim().min(1).max(2000),
    trigger: z.string().trim().min(1).max(500),
    deadline: z.string().trim().max(300).optional(),
    legalFrameworks: z.array(LegalFramework).default([]),
    legalBasis: z.string().trim().max(300).optional(),
  })
  .meta({ id: "TransferInterface" });
export type TransferInterface = z.infer<typeof TransferInterface>;

/** Who does what for a standard, by kind of actor. */
export const TransferResponsibility = z
  .strictObject({
    task: z.string().trim().min(1).max(1000),
    role: ResponsibilityRole,
    actorKind: ActorKind.optional(),
  })
  .meta({ id: "TransferResponsibility" });

/** A minimum or action standard with its interfaces, without adoptions and reviews. */
export const TransferStandard = z
  .strictObject({
    code: Code,
    title: Name,
    kind: StandardKind,
    revision: z.string().trim().min(1).max(20),
    description: LongText.optional(),
    reviewIntervalMonths: z.int().min(1).max(120),
    standardElement: z.string().trim().max(20).optional(),
    interfaces: z.array(TransferInterface).default([]),
    responsibilities: z.array(TransferResponsibility).default([]),
    source: TransferSource.optional(),
  })
  .meta({ id: "TransferStandard" });
export type TransferStandard = z.infer<typeof TransferStandard>;

/** A section of a practice guide; standards are named by their code. */
export const TransferGuideSection = z
  .strictObject({
    number: z.string().trim().min(1).max(20),
    title: Name,
    body: LongText.default(""),
    standards: z.array(Code).default([]),
  })
  .meta({ id: "TransferGuideSection" });

/** A practice guide (Praxisleitfaden). */
export const TransferGuide = z
  .strictObject({
    title: Name,
    revision: z.string().trim().min(1).max(20),
    publishedOn: IsoDate.optional(),
    sections: z.array(TransferGuideSection).default([]),
    source: TransferSource.optional(),
  })
  .meta({ id: "TransferGuide" });
export type TransferGuide = z.infer<typeof TransferGuide>;

/** A goal of an agreement template with its sub-goals (targets and baselines stay in their district). */
export interface TransferGoal {
  title: string;
  description?: string | undefined;
  level: GoalLevel;
  weight: number;
  children: TransferGoal[];
}
/** The schema of {@link TransferGoal} (recursive). */
export const TransferGoal: z.ZodType<TransferGoal> = z
  .strictObject({
    title: Name,
    description: LongText.optional(),
    level: GoalLevel,
    weight: z.number().positive().max(1000),
    get children() {
      return z.array(TransferGoal);
    },
  })
  .meta({ id: "TransferGoal" });

/** A revision's text in an agreement template (without the date it was adopted). */
export const TransferRevision = z
  .strictObject({
    number: z.int().min(1),
    summary: z.string().trim().min(1).max(2000),
    text: LongText.optional(),
  })
  .meta({ id: "TransferRevision" });

/** An agreement as a template: kind, texts and goal tree, without parties, signatures and commitments. */
export const TransferAgreementTemplate = z
  .strictObject({
    title: Name,
    kind: AgreementKind,
    revisions: z.array(TransferRevision).default([]),
    goals: z.array(TransferGoal).default([]),
    source: TransferSource.optional(),
  })
  .meta({ id: "TransferAgreementTemplate" });
export type TransferAgreementTemplate = z.infer<typeof TransferAgreementTemplate>;

/** A maturity self-assessment questionnaire, without its waves of answers. */
export const TransferQuestionnaire = z
  .strictObject({
    title: Name,
    scaleMin: z.int().min(0).max(10),
    scaleMax: z.int().min(1).max(10),
    items: z.array(MaturityItem).min(1),
    source: TransferSource.optional(),
  })
  .meta({ id: "TransferQuestionnaire" });
export type TransferQuestionnaire = z.infer<typeof TransferQuestionnaire>;

/** Which district a package comes from, in which state, and when it was made. */
export const TransferProvenance = z
  .strictObject({
    district: z.strictObject({
      name: Name,
      regionId: z.string(),
      officialKey: z.strictObject({ system: KeySystem, value: z.string() }).optional(),
    }),
    exportedAt: IsoDateTime,
    contentVersion: IsoDateTime.meta({
      description: "The latest change of any record in the package: the state of the content.",
    }),
    generator: z.string(),
  })
  .meta({ id: "TransferProvenance" });

/** The kinds of item a package holds. */
export const transferKinds = ["standard", "guide", "agreementTemplate", "maturityQuestionnaire"] as const;
/** One of {@link transferKinds}. */
export type TransferKind = (typeof transferKinds)[number];

/**
 * A transfer package: a district's standards with their interfaces, practice guides, agreement
 * templates with goal trees and maturity questionnaires, for another district to import. It holds no
 * personal data and nothing specific to one district's actors (adoptions, signatures, commitments,
 * reviews, answers); interfaces keep the kinds of actor they connect.
 */
export const TransferPackage = z
  .strictObject({
    $schema: z.string().optional(),
    format: z.literal(transferFormat),
    formatVersion: z.literal(transferFormatVersion),
    provenance: TransferProvenance,
    standards: z.array(TransferStandard).default([]),
    guides: z.array(TransferGuide).default([]),
    agreementTemplates: z.array(TransferAgreementTemplate).default([]),
    maturityQuestionnaires: z.array(TransferQuestionnaire).default([]),
  })
  .superRefine((pkg, ctx) => {
    const lists = {
      standards: (s: TransferStandard) => s.code,
      guides: (g: TransferGuide) => g.title,
      agreementTemplates: (a: TransferAgreementTemplate) => a.title,
      maturityQuestionnaires: (q: TransferQuestionnaire) => q.title,
    } as const;
    for (const [list, key] of Object.entries(lists) as [keyof typeof lists, (item: never) => string][]) {
      const seen = new Set<string>();
      (pkg[list] ?? []).forEach((item, i) => {
        const value = key(item as never);
        if (seen.has(value)) {
          ctx.addIssue({
            code: "custom",
            message: `Duplicate value: ${value}`,
            path: [list, i],
            params: { key: "duplicate_value", value },
            input: undefined,
          });
        }
        seen.add(value);
      });
    }
  })
  .meta({ id: "TransferPackage" });
export type TransferPackage = z.output<typeof TransferPackage>;

/** The key that identifies an item across districts: a standard's code, otherwise the title. */
export function transferRef(kind: TransferKind, key: string): string {
  return `${kind}:${key}`;
}

function sourceOf(record: {
  id: string;
  version: number;
  updatedAt: string;
  status?: string;
}): TransferSource {
  return compact({
    id: record.id,
    version: record.version,
    updatedAt: record.updatedAt,
    status: record.status,
  });
}

type KindOf = (actorId: string | undefined) => z.output<typeof ActorKind> | undefined;

function partyOf(party: Party, kindOf: KindOf) {
  return { actorKind: party.actorKind ?? kindOf(party.actorId) ?? "other" };
}

/** A standard as a package holds it. */
export function standardToTransfer(standard: Standard, kindOf: KindOf): TransferStandard {
  return compact({
    code: standard.code,
    title: standard.title,
    kind: standard.kind,
    revision: standard.revision,
    description: standard.description,
    reviewIntervalMonths: standard.reviewIntervalMonths,
    standardElement: standard.standardElement,
    interfaces: standard.interfaces.map((ifc) =>
      compact({
        from: partyOf(ifc.from, kindOf),
        to: partyOf(ifc.to, kindOf),
        handover: ifc.handover,
        trigger: ifc.trigger,
        deadline: ifc.deadline,
        legalFrameworks: ifc.legalFrameworks,
        legalBasis: ifc.legalBasis,
      }),
    ),
    responsibilities: standard.responsibilities.map((r) =>
      compact({ task: r.task, role: r.role, actorKind: r.actorKind ?? kindOf(r.actorId) }),
    ),
    source: sourceOf(standard),
  }) as TransferStandard;
}

/** A practice guide as a package holds it; section references become standard codes. */
export function guideToTransfer(
  guide: Guide,
  codeOf: (standardId: string) => string | undefined,
): TransferGuide {
  return compact({
    title: guide.title,
    revision: guide.revision,
    publishedOn: guide.publishedOn,
    sections: guide.sections.map((s) =>
      compact({
        number: s.number,
        title: s.title,
        body: s.body,
        standards: s.standardIds.map(codeOf).filter((c): c is string => c !== undefined),
      }),
    ),
    source: sourceOf(guide),
  }) as TransferGuide;
}

function goalTree(goals: readonly Goal[], parentId: string | undefined): TransferGoal[] {
  return goals
    .filter((g) => g.parentGoalId === parentId)
    .sort(byKey((g) => g.title))
    .map((g) => ({
      title: g.title,
      ...(g.description !== undefined ? { description: g.description } : {}),
      level: g.level,
      weight: g.weight,
      children: goalTree(goals, g.id),
    }));
}

/** An agreement and its goals as a template. */
export function agreementToTransfer(agreement: Agreement, goals: readonly Goal[]): TransferAgreementTemplate {
  const own = goals.filter((g) => g.agreementId === agreement.id && !g.deleted);
  const ids = new Set(own.map((g) => g.id));
  // A goal whose parent belongs to another agreement is a root of this one's tree.
  const rooted = own.map((g) =>
    g.parentGoalId && !ids.has(g.parentGoalId) ? { ...g, parentGoalId: undefined } : g,
  );
  return {
    title: agreement.title,
    kind: agreement.kind,
    revisions: [...agreement.revisions]
      .sort((a, b) => a.number - b.number)
      .map((r) => compact({ number: r.number, summary: r.summary, text: r.text })),
    goals: goalTree(rooted as Goal[], undefined),
    source: sourceOf(agreement),
  };
}

/** A maturity questionnaire as a package holds it. */
export function questionnaireToTransfer(assessment: MaturityAssessment): TransferQuestionnaire {
  return {
    title: assessment.title,
    scaleMin: assessment.scaleMin,
    scaleMax: assessment.scaleMax,
    items: assessment.items.map((i) => ({ ...i })),
    source: sourceOf(assessment),
  };
}

function lookups(network: Network) {
  const kinds = new Map(network.actor.map((a) => [a.id as string, a.kind]));
  const codes = new Map(network.standard.filter((s) => !s.deleted).map((s) => [s.id as string, s.code]));
  return {
    kindOf: (id: string | undefined) => (id ? kinds.get(id) : undefined),
    codeOf: (id: string) => codes.get(id),
  };
}

/** What to put into a package. */
export interface TransferExportOptions {
  readonly regionId: string;
  /** When the package is made (ISO instant). */
  readonly exportedAt: string;
  /** Only these items (`standard:MS-01`, `guide:<title>`, …); everything by default. */
  readonly only?: readonly string[];
}

/**
 * Builds a transfer package from a district's records: every standard, practice guide, agreement
 * (as a template with its goal tree) and maturity questionnaire that is not deleted, in a stable
 * order. Actor-specific parts stay behind; interface sides that name an actor keep its kind.
 *
 * @example
 * const pkg = buildTransferPackage(network, { regionId, exportedAt: new Date().toISOString() });
 */
export function buildTransferPackage(network: Network, options: TransferExportOptions): TransferPackage {
  const region = network.region.find((r) => r.id === options.regionId);
  if (!region) throw new RangeError(`The network has no region ${options.regionId}.`);
  const { kindOf, codeOf } = lookups(network);
  const wanted = (kind: TransferKind, key: string) =>
    !options.only || options.only.includes(transferRef(kind, key));
  const standards = network.standard
    .filter((s) => !s.deleted && wanted("standard", s.code))
    .map((s) => standardToTransfer(s, kindOf))
    .sort(byKey((s) => s.code));
  const guides = network.guide
    .filter((g) => !g.deleted && wanted("guide", g.title))
    .map((g) => guideToTransfer(g, codeOf))
    .sort(byKey((g) => g.title));
  const agreementTemplates = network.agreement
    .filter((a) => !a.deleted && wanted("agreementTemplate", a.title))
    .map((a) => agreementToTransfer(a, network.goal))
    .sort(byKey((a) => a.title));
  const maturityQuestionnaires = network.maturityAssessment
    .filter((m) => !m.deleted && wanted("maturityQuestionnaire", m.title))
    .map(questionnaireToTransfer)
    .sort(byKey((q) => q.title));
  const stamps = [
    region.updatedAt,
    ...[...standards, ...guides, ...agreementTemplates, ...maturityQuestionnaires].map(
      (i) => i.source?.updatedAt ?? "",
    ),
    ...network.goal.filter((g) => !g.deleted).map((g) => g.updatedAt),
  ].filter(Boolean);
  const key = (["district_key", "ags", "ars"] as const)
    .map((system) => ({
      system,
      value:
        region.keys.find((k) => k.system === system && !k.validTo)?.value ??
        region.keys.find((k) => k.system === system)?.value,
    }))
    .find((k) => k.value !== undefined);
  return {
    $schema: transferSchemaId,
    format: transferFormat,
    formatVersion: transferFormatVersion,
    provenance: {
      district: {
        name: region.name,
        regionId: region.id,
        ...(key?.value ? { officialKey: { system: key.system, value: key.value } } : {}),
      },
      exportedAt: options.exportedAt,
      contentVersion: stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)),
      generator: "OHA (@oha/domain)",
    },
    standards,
    guides,
    agreementTemplates,
    maturityQuestionnaires,
  };
}

/** Parses and checks a package, with localised errors. */
export function parseTransferPackage(
  input: unknown,
  locale: Locale = "de",
): Result<TransferPackage, DomainError> {
  return validate(TransferPackage, input, locale);
}

/** How an item of a package compares with what the importing district has. */
export type TransferItemStatus = "new" | "changed" | "identical";

/** One field that differs between a package item and the district's record. */
export interface TransferChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One item of a package as the import preview shows it. */
export interface TransferItem {
  /** `standard:MS-01`, `guide:<title>`, …: what to pass in `take`. */
  readonly ref: string;
  readonly kind: TransferKind;
  readonly key: string;
  readonly title: string;
  readonly status: TransferItemStatus;
  /** The district's record the item was matched with. */
  readonly existingId?: string;
  /** The fields that differ (for a changed item). */
  readonly changes: readonly TransferChange[];
  /** Whether this import takes it. */
  readonly take: boolean;
  /** How many records the import writes for it (0 when nothing would change). */
  readonly writes: number;
}

/** A note on the import that is not an error. */
export interface TransferWarning {
  readonly ref: string;
  readonly message: LocalizedText;
}

/** The records an import writes, by entity. */
export type TransferRecords = {
  standard: EntityRecord<"standard">[];
  guide: EntityRecord<"guide">[];
  agreement: EntityRecord<"agreement">[];
  goal: EntityRecord<"goal">[];
  maturityAssessment: EntityRecord<"maturityAssessment">[];
};

/** The import preview and, for the items taken, the records to write. */
export interface TransferImportPlan {
  readonly items: readonly TransferItem[];
  readonly records: TransferRecords;
  readonly warnings: readonly TransferWarning[];
  readonly summary: {
    readonly new: number;
    readonly changed: number;
    readonly identical: number;
    readonly taken: number;
    readonly created: number;
    readonly updated: number;
  };
}

/** How to plan an import. */
export interface TransferImportOptions {
  /** When the import happens (ISO instant), for the new records' time stamps. */
  readonly now: string;
  /** The refs to take; by default every new and changed item. */
  readonly take?: readonly string[] | undefined;
  readonly locale?: Locale;
}

const withoutSource = <T extends { source?: unknown }>(item: T): Omit<T, "source"> => {
  const { source: _s, ...rest } = item;
  return rest;
};

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function changesOf(before: Record<string, unknown>, after: Record<string, unknown>): TransferChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== "source");
  return fields
    .filter((f) => !same(before[f], after[f]))
    .sort()
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

const importFailed = (what: string, detail: string): LocalizedText =>
  text(`${what} konnte nicht übernommen werden: ${detail}`, `${what} could not be imported: ${detail}`);

/** Recomputes the package view of records written by the plan so far (to see whether a write changes anything). */
interface Working {
  standards: Map<string, Standard>;
  guides: Map<string, Guide>;
  agreements: Map<string, Agreement>;
  goals: Goal[];
  questionnaires: Map<string, MaturityAssessment>;
}

function toInterfaces(items: readonly TransferInterface[], existing: readonly Interface[]): Interface[] {
  const pool = [...existing];
  return items.map((item) => {
    const i = pool.findIndex(
      (e) =>
        e.handover === item.handover &&
        (e.from.actorKind ?? "") === item.from.actorKind &&
        (e.to.actorKind ?? "") === item.to.actorKind,
    );
    const match = i >= 0 ? pool.splice(i, 1)[0] : undefined;
    return compact({
      id: match?.id ?? newId<Interface["id"]>("ifc"),
      from: { actorKind: item.from.actorKind },
      to: { actorKind: item.to.actorKind },
      handover: item.handover,
      trigger: item.trigger,
      deadline: item.deadline,
      responsibleActorId: match?.responsibleActorId,
      legalFrameworks: item.legalFrameworks,
      legalBasis: item.legalBasis,
    }) as Interface;
  });
}

/**
 * Compares a package with a district's records and plans its import. Items are matched by key (a
 * standard by its code, everything else by its title) and are `new`, `changed` (with the fields
 * that differ) or `identical`. The items in `take` (default: every new and changed one) become
 * records: new ones as drafts (a standard with status `draft`, an agreement with status `draft`
 * and its goal tree), changed ones by replacing their shared content while the district keeps its
 * own status, adoptions, reviews, signatures, goal targets and answers. A write that would change
 * nothing is left out, so importing the same package twice writes nothing the second time.
 */
export function planTransferImport(
  pkg: TransferPackage,
  network: Network,
  options: TransferImportOptions,
): TransferImportPlan {
  const locale = options.locale ?? "de";
  const { kindOf } = lookups(network);
  const work: Working = {
    standards: new Map(network.standard.filter((s) => !s.deleted).map((s) => [s.code, s])),
    guides: new Map(network.guide.filter((g) => !g.deleted).map((g) => [g.title, g])),
    agreements: new Map(network.agreement.filter((a) => !a.deleted).map((a) => [a.title, a])),
    goals: network.goal.filter((g) => !g.deleted),
    questionnaires: new Map(network.maturityAssessment.filter((m) => !m.deleted).map((m) => [m.title, m])),
  };
  const records: TransferRecords = {
    standard: [],
    guide: [],
    agreement: [],
    goal: [],
    maturityAssessment: [],
  };
  const written = new Map<string, { created: boolean }>();
  const warnings: TransferWarning[] = [];
  const items: TransferItem[] = [];
  const wanted = (ref: string, status: TransferItemStatus) =>
    options.take ? options.take.includes(ref) : status !== "identical";
  const codeOf = (id: string) => [...work.standards.values()].find((s) => s.id === id)?.code;

  const put = <N extends "standard" | "guide" | "agreement" | "goal" | "maturityAssessment">(
    entity: N,
    record: EntityRecord<N>,
    created: boolean,
  ) => {
    const list = records[entity] as EntityRecord<N>[];
    const at = list.findIndex((r) => r.id === record.id);
    if (at >= 0) list[at] = record;
    else list.push(record);
    const key = `${entity}:${record.id}`;
    written.set(key, { created: written.get(key)?.created ?? created });
  };
  const failed = (ref: string, what: string, error: DomainError) =>
    warnings.push({
      ref,
      message: importFailed(
        what,
        (error.details ?? []).map((d) => `${d.path}: ${d.messages[locale]}`).join("; ") || error.message,
      ),
    });

  const describe = (
    kind: TransferKind,
    key: string,
    title: string,
    existing: { id: string } | undefined,
    before: Record<string, unknown> | undefined,
    after: Record<string, unknown>,
  ) => {
    const ref = transferRef(kind, key);
    const changes = before ? changesOf(before, after) : [];
    const status: TransferItemStatus = !existing ? "new" : changes.length ? "changed" : "identical";
    return {
      ref,
      kind,
      key,
      title,
      status,
      changes,
      take: wanted(ref, status),
      ...(existing ? { existingId: existing.id } : {}),
    };
  };

  // Standards first: guides refer to them.
  for (const item of pkg.standards) {
    const existing = work.standards.get(item.code);
    const before = existing ? withoutSource(standardToTransfer(existing, kindOf)) : undefined;
    const entry = describe("standard", item.code, item.title, existing, before, withoutSource(item));
    let writes = 0;
    if (entry.take && entry.status !== "identical") {
      const fields = {
        title: item.title,
        kind: item.kind,
        revision: item.revision,
        reviewIntervalMonths: item.reviewIntervalMonths,
        interfaces: toInterfaces(item.interfaces, existing?.interfaces ?? []),
        responsibilities: item.responsibilities.map((r) => compact({ ...r })),
      };
      const result = existing
        ? updateRecord(
            "standard",
            existing,
            {
              ...fields,
              description: item.description ?? null,
              standardElement: item.standardElement ?? null,
            },
            options.now,
            { locale },
          )
        : createRecord(
            "standard",
            compact({
              ...fields,
              code: item.code,
              status: "draft",
              description: item.description,
              standardElement: item.standardElement,
            }),
            options.now,
            { locale },
          );
      if (!result.ok) failed(entry.ref, item.title, result.error);
      else {
        put("standard", result.value, !existing);
        work.standards.set(item.code, result.value);
        writes = 1;
      }
    }
    items.push({ ...entry, writes });
  }

  for (const item of pkg.guides) {
    const existing = work.guides.get(item.title);
    const before = existing ? withoutSource(guideToTransfer(existing, codeOf)) : undefined;
    const entry = describe("guide", item.title, item.title, existing, before, withoutSource(item));
    let writes = 0;
    if (entry.take && entry.status !== "identical") {
      const sections = item.sections.map((section) => ({
        number: section.number,
        title: section.title,
        body: section.body,
        standardIds: section.standards.flatMap((code) => {
          const standard = work.standards.get(code);
          if (!standard) {
            warnings.push({
              ref: entry.ref,
              message: text(
                `Abschnitt ${section.number} verweist auf den Standard ${code}, den der Landkreis nicht hat; der Verweis entfällt.`,
                `Section ${section.number} refers to standard ${code}, which the district does not have; the reference is left out.`,
              ),
            });
            return [];
          }
          return [standard.id];
        }),
      }));
      const fields = { title: item.title, revision: item.revision, sections };
      const result = existing
        ? updateRecord("guide", existing, { ...fields, publishedOn: item.publishedOn ?? null }, options.now, {
            locale,
          })
        : createRecord("guide", compact({ ...fields, publishedOn: item.publishedOn }), options.now, {
            locale,
          });
      if (!result.ok) failed(entry.ref, item.title, result.error);
      // A reference the district cannot resolve keeps the guide "changed"; rewriting it would change nothing.
      else if (!existing || !same(withoutSource(guideToTransfer(result.value, codeOf)), before)) {
        put("guide", result.value, !existing);
        work.guides.set(item.title, result.value);
        writes = 1;
      }
    }
    items.push({ ...entry, writes });
  }

  for (const item of pkg.agreementTemplates) {
    const existing = work.agreements.get(item.title);
    const before = existing ? withoutSource(agreementToTransfer(existing, work.goals)) : undefined;
    const entry = describe(
      "agreementTemplate",
      item.title,
      item.title,
      existing,
      before,
      withoutSource(item),
    );
    let writes = 0;
    if (entry.take && entry.status !== "identical") {
      const adopted = new Map((existing?.revisions ?? []).map((r) => [r.number, r.adoptedOn]));
      const revisions = item.revisions.map((r) => compact({ ...r, adoptedOn: adopted.get(r.number) }));
      let agreement: Agreement | undefined = existing;
      const sameAgreement =
        existing && same(before?.revisions, item.revisions) && existing.kind === item.kind;
      if (!sameAgreement) {
        const result = existing
          ? updateRecord("agreement", existing, { kind: item.kind, revisions }, options.now, { locale })
          : createRecord(
              "agreement",
              { title: item.title, kind: item.kind, status: "draft", revisions },
              options.now,
              { locale },
            );
        if (!result.ok) {
          failed(entry.ref, item.title, result.error);
          agreement = undefined;
        } else {
          agreement = result.value;
          put("agreement", result.value, !existing);
          work.agreements.set(item.title, result.value);
          writes++;
        }
      }
      if (agreement)
        writes += plantGoals(item.goals, agreement.id, undefined, work, options, locale, put, (e) =>
          failed(entry.ref, item.title, e),
        );
    }
    items.push({ ...entry, writes });
  }

  for (const item of pkg.maturityQuestionnaires) {
    const existing = work.questionnaires.get(item.title);
    const before = existing ? withoutSource(questionnaireToTransfer(existing)) : undefined;
    const entry = describe(
      "maturityQuestionnaire",
      item.title,
      item.title,
      existing,
      before,
      withoutSource(item),
    );
    let writes = 0;
    if (entry.take && entry.status !== "identical") {
      const fields = { scaleMin: item.scaleMin, scaleMax: item.scaleMax, items: item.items };
      const result = existing
        ? updateRecord("maturityAssessment", existing, fields, options.now, { locale })
        : createRecord("maturityAssessment", { ...fields, title: item.title }, options.now, { locale });
      if (!result.ok) failed(entry.ref, item.title, result.error);
      else {
        put("maturityAssessment", result.value, !existing);
        work.questionnaires.set(item.title, result.value);
        writes = 1;
      }
    }
    items.push({ ...entry, writes });
  }

  const all = [...written.values()];
  return {
    items,
    records,
    warnings,
    summary: {
      new: items.filter((i) => i.status === "new").length,
      changed: items.filter((i) => i.status === "changed").length,
      identical: items.filter((i) => i.status === "identical").length,
      taken: items.filter((i) => i.take).length,
      created: all.filter((w) => w.created).length,
      updated: all.filter((w) => !w.created).length,
    },
  };
}

/** Creates or updates the goals of a template below a parent; returns how many records it writes. */
function plantGoals(
  goals: readonly TransferGoal[],
  agreementId: string,
  parentId: string | undefined,
  work: Working,
  options: TransferImportOptions,
  locale: Locale,
  put: (entity: "goal", record: Goal, created: boolean) => void,
  fail: (error: DomainError) => void,
): number {
  let writes = 0;
  for (const goal of goals) {
    const existing = work.goals.find(
      (g) => g.agreementId === agreementId && g.parentGoalId === parentId && g.title === goal.title,
    );
    let record: Goal | undefined = existing;
    const unchanged =
      existing &&
      existing.description === goal.description &&
      existing.level === goal.level &&
      existing.weight === goal.weight;
    if (!unchanged) {
      const result = existing
        ? updateRecord(
            "goal",
            existing,
            { description: goal.description ?? null, level: goal.level, weight: goal.weight },
            options.now,
            { locale },
          )
        : createRecord(
            "goal",
            compact({
              title: goal.title,
              description: goal.description,
              level: goal.level,
              weight: goal.weight,
              agreementId,
              parentGoalId: parentId,
            }),
            options.now,
            { locale },
          );
      if (!result.ok) {
        fail(result.error);
        continue;
      }
      record = result.value;
      put("goal", result.value, !existing);
      work.goals = existing
        ? work.goals.map((g) => (g.id === result.value.id ? result.value : g))
        : [...work.goals, result.value];
      writes++;
    }
    if (record) writes += plantGoals(goal.children, agreementId, record.id, work, options, locale, put, fail);
  }
  return writes;
}

/** The entities a transfer import writes (for callers that store the plan's records). */
export const transferEntities: readonly EntityName[] = [
  "standard",
  "guide",
  "agreement",
  "goal",
  "maturityAssessment",
];
