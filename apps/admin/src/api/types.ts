import type { Client } from "@oha/api/client";
import type {
  BatchResult,
  ContinuityAssessment,
  CoverageResult,
  EndingSoon,
  EntityCreate,
  EntityName,
  EntityPatch,
  EntityRecord,
  HandoverInput,
  HistoryEntry,
  IndicatorTrends,
  Me,
  Measure,
  MeasureRealisation,
  Meeting,
  NetworkHealth,
  OpenActionItem,
  OverlapResult,
  OverlapReview,
  OverlapVerdictInput,
  Page,
  ParticipationAssessment,
  SignatureInput,
  StandardsAssessment,
  TargetGroup,
  UpcomingMeetings,
  VerificationInput,
} from "@oha/domain";
import type { InferResponseType } from "hono/client";
import type { z } from "zod";

export type { BatchResult, HistoryEntry, Me, Page };

/** An API key of the district as the API lists it: never its secret. */
export type ApiKeyInfo = InferResponseType<Client["api"]["v1"]["api-keys"]["$get"], 200>["items"][number];
/** What an admin gives to make a key: its name, role and, for a partner, the partner's actor. */
export interface ApiKeyInput {
  readonly name: string;
  readonly role: Me["principal"]["role"];
  readonly actorId?: string;
}

/** The papers of a meeting the API makes. */
export type MeetingPaper = "invitation.pdf" | "invitation.ics" | "minutes.pdf";

/** The answer of the transfer import: every item of the package compared, and what was taken. */
export type TransferImportResult = InferResponseType<Client["api"]["v1"]["transfer"]["import"]["$post"], 200>;
/** One item of a transfer package in the comparison: new, changed (with its changes) or identical. */
export type TransferItem = TransferImportResult["items"][number];

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
  /** The practice guide (the most recently published) as a tagged PDF. */
  practiceGuidePdf(lang: "de" | "en"): Promise<Blob>;
  /** A meeting's paper: the invitation as PDF or as iCalendar event, or the minutes as PDF. */
  meetingPaper(meetingId: string, paper: MeetingPaper, lang: "de" | "en"): Promise<Blob>;
  /** The district's API keys (admins). */
  listApiKeys(): Promise<ApiKeyInfo[]>;
  /** Makes an API key (admins); its secret is in this answer only. */
  createApiKey(input: ApiKeyInput): Promise<{ key: ApiKeyInfo; secret: string }>;
  /** Revokes an API key (admins): it stops working at once. */
  revokeApiKey(keyId: string): Promise<ApiKeyInfo>;
  /** The district's transfer package (standards, guides, agreement templates, questionnaires) as a JSON file. */
  exportTransfer(): Promise<Blob>;
  /**
   * Compares a transfer package with the district's records (`dryRun`), or takes the chosen items
   * (by `ref`; by default every new and changed one) as drafts.
   */
  importTransfer(
    pkg: unknown,
    options: { readonly dryRun: boolean; readonly take?: readonly string[] },
  ): Promise<TransferImportResult>;
  /** Possibly redundant offers: open and reviewed pairs with their reasons, clusters, dismissed pairs. */
  overlaps(): Promise<OverlapAnswer>;
  /** A verdict on a pair of measures, lasting until a field that makes the pair redundant changes. */
  reviewOverlap(input: OverlapVerdictInput): Promise<z.output<typeof OverlapReview>>;
  /** Places per target group × category × municipality × school year, with the gaps. */
  coverage(query: CoverageQuery): Promise<CoverageAnswer>;
  /** How many planned measures came true. */
  realisation(query: RealisationQuery): Promise<RealisationAnswer>;
  /** The analyses of the tenant's network the start pages show, computed by the server. */
  analytics: AnalyticsApi;
  /** Open action items across meetings, oldest due date first; with an actor, only its own. */
  openActionItems(ownerActorId?: string): Promise<OpenActionItem[]>;
  /** Marks an action item done today (If-Match with the meeting's version). */
  completeActionItem(meetingId: string, itemId: string, meetingVersion: number): Promise<Meeting>;
}

/** The analyses behind the start pages (`/api/v1/analytics/*`). */
export interface AnalyticsApi {
  health(): Promise<NetworkHealth>;
  participation(): Promise<ParticipationAssessment>;
  continuity(): Promise<ContinuityAssessment>;
  standards(): Promise<StandardsAssessment>;
  deadlines(): Promise<EndingSoon>;
  indicators(): Promise<IndicatorTrends>;
  /** The next meetings of every body, or of the bodies an actor sits in. */
  meetings(actorId?: string): Promise<UpcomingMeetings>;
}
