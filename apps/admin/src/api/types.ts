import type {
  BatchResult,
  ContinuityAssessment,
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
  Meeting,
  NetworkHealth,
  OpenActionItem,
  Page,
  ParticipationAssessment,
  SignatureInput,
  StandardsAssessment,
  UpcomingMeetings,
  VerificationInput,
} from "@oha/domain";

export type { BatchResult, HistoryEntry, Me, Page };

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
