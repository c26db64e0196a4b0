import type {
  BatchResult,
  CoverageResult,
  EntityCreate,
  EntityName,
  EntityPatch,
  EntityRecord,
  HandoverInput,
  HistoryEntry,
  Me,
  Measure,
  MeasureRealisation,
  OverlapResult,
  OverlapReview,
  OverlapVerdictInput,
  Page,
  SignatureInput,
  TargetGroup,
  VerificationInput,
} from "@oha/domain";
import type { z } from "zod";

export type { BatchResult, HistoryEntry, Me, Page };

/** The overlap finder's answer as it travels (`GET /analytics/overlaps`). */
export type OverlapAnswer = z.output<typeof OverlapResult>;
/** The coverage matrix as it travels (`GET /analytics/coverage`). */
export type CoverageAnswer = z.output<typeof CoverageResult>;
/** The realisation of planned measures as it travels (`GET /analytics/realisation`). */
export type RealisationAnswer = z.output<typeof MeasureRealisation>;

/** What the coverage matrix is asked for. */
export interface CoverageQuery {
  /** A school year like "2024/25"; without it, every school year with measures. */
  readonly schoolYear?: string;
  readonly minimumPlaces?: number;
  readonly targetGroup?: TargetGroup;
  readonly category?: z.output<typeof CoverageResult>["rows"][number]["category"];
}

/** The window of the realisation rate: planned starts from–to, as of a date (default: today). */
export interface RealisationQuery {
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
}

/** The query of a list endpoint: paging, sort, search, projection and one filter per field. */
export interface ListQuery {
  readonly limit?: number;
  readonly offset?: number;
  readonly sort?: string;
  readonly q?: string;
  readonly fields?: readonly string[];
  readonly filters?: Readonly<Record<string, string>>;
  /** `only`: just the deleted records (to restore them); `true`: deleted ones too. */
  readonly deleted?: "only" | "true";
}

/** A stored record of any entity: the fields every record has. */
export interface AnyRecord {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deleted: boolean;
  readonly [field: string]: unknown;
}

/**
 * Everything the UI asks of the server. The app uses the HTTP implementation; component tests
 * pass an in-memory one, so components never know where data comes from.
 */
export interface Api {
  /** Who a key belongs to; without a key, the signed-in one is asked about. */
  me(key?: string): Promise<Me>;
  list<N extends EntityName>(name: N, query?: ListQuery): Promise<Page<EntityRecord<N>>>;
  get<N extends EntityName>(name: N, id: string): Promise<EntityRecord<N>>;
  create<N extends EntityName>(name: N, input: EntityCreate<N>): Promise<EntityRecord<N>>;
  /** JSON Merge Patch with `If-Match: "<version>"`; a stale version fails with 412. */
  update<N extends EntityName>(
    name: N,
    id: string,
    version: number,
    patch: EntityPatch<N>,
  ): Promise<EntityRecord<N>>;
  remove(name: EntityName, id: string, version: number): Promise<void>;
  /** Brings a deleted record back (`If-Match` with the deleted record's version). */
  restore<N extends EntityName>(name: N, id: string, version: number): Promise<EntityRecord<N>>;
  history(name: EntityName, id: string): Promise<HistoryEntry[]>;
  batch<N extends EntityName>(
    name: N,
    items: readonly EntityCreate<N>[],
    dryRun: boolean,
  ): Promise<BatchResult>;
  /** The handover command: the affiliation ends, the successor takes over its seats and memberships. */
  handOver(affiliationId: string, version: number, input: HandoverInput): Promise<void>;
  /** A partner's signature under an agreement; the agreement comes into force with the last one. */
  sign(agreementId: string, version: number, input: SignatureInput): Promise<EntityRecord<"agreement">>;
  /** The annual report of a year as a tagged PDF. */
  annualReportPdf(year: number): Promise<Blob>;
  /** The verification stamp: the measure is confirmed as still accurate, by the signed-in person, now. */
  verify(measureId: string, version: number, input: VerificationInput): Promise<Measure>;
  /** Possibly redundant offers: open and reviewed pairs with their reasons, clusters, dismissed pairs. */
  overlaps(): Promise<OverlapAnswer>;
  /** A verdict on a pair of measures, lasting until a field that makes the pair redundant changes. */
  reviewOverlap(input: OverlapVerdictInput): Promise<z.output<typeof OverlapReview>>;
  /** Places per target group × category × municipality × school year, with the gaps. */
  coverage(query: CoverageQuery): Promise<CoverageAnswer>;
  /** How many planned measures came true. */
  realisation(query: RealisationQuery): Promise<RealisationAnswer>;
}
