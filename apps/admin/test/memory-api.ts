import {
  type Affiliation,
  assessContinuity,
  assessNetworkHealth,
  assessParticipation,
  assessStandards,
  CoverageResult,
  canCompleteActionItem,
  coverageMatrix,
  createRecord,
  deleteRecord,
  type EntityName,
  emptyNetwork,
  entities,
  entityNames,
  findEndingSoon,
  findOverlaps,
  type HandoverInput,
  indicatorTrends,
  type Measure,
  MeasureRealisation,
  type Meeting,
  type Membership,
  measureRealisation,
  type Network,
  OverlapResult,
  type OverlapReview,
  type OverlapVerdictInput,
  openActionItems,
  planActionItemCompletion,
  planHandover,
  planOverlapReview,
  planSignature,
  planVerification,
  type Role,
  restoreRecord,
  type SignatureInput,
  upcomingMeetings,
  updateRecord,
  type VerificationInput,
  viewOf,
} from "@oha/domain";
import { ApiError } from "../src/api/problem.js";
import type {
  AnyRecord,
  Api,
  ApiKeyInfo,
  ApiKeyInput,
  BatchResult,
  CoverageQuery,
  HistoryEntry,
  ListQuery,
  Me,
  MeetingPaper,
  RealisationQuery,
  TransferImportResult,
} from "../src/api/types.js";

/** A call the in-memory API received, for assertions. */
export interface Call {
  readonly method: string;
  readonly name?: string;
  readonly id?: string;
  readonly version?: number;
  readonly body?: unknown;
  readonly query?: ListQuery;
}

const titles = {
  validation_failed: "Die Eingabe enthält Fehler.",
  precondition_failed: "Der Datensatz wurde inzwischen von jemand anderem geändert.",
  not_found: "Nicht gefunden.",
  unauthorized: "Anmeldung erforderlich.",
} as const;

/**
 * An API that keeps records in memory and applies the domain's rules exactly like the server
 * (validation, versions, 412 with the current record), so components are tested against the
 * real contract without a network.
 */
export class MemoryApi implements Api {
  readonly records = new Map<string, AnyRecord & { entity: EntityName }>();
  readonly histories = new Map<string, HistoryEntry[]>();
  readonly calls: Call[] = [];
  /** Makes every call fail as if the network were down. */
  offline = false;
  /** The tenant's id: the id of its own region record (set it to a seeded region's id). */
  tenantId = "reg_000000000001";
  private clock = Date.parse("2026-03-02T09:00:00Z");

  constructor(
    readonly key = "oha_valid",
    readonly principal: Me["principal"] = { id: "key:1", role: "coordinator" as Role, kind: "api_key" },
    readonly tenantName = "Landkreis Osterode am Harz",
  ) {}

  private now() {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private guard() {
    if (this.offline) throw new ApiError("network", { status: 0 });
  }

  /** Stores a record directly (test setup), validated by the domain. */
  seed<N extends EntityName>(name: N, input: Record<string, unknown>): AnyRecord {
    const made = createRecord(name, input, this.now());
    if (!made.ok) throw new Error(`bad seed for ${name}: ${JSON.stringify(made.error.details)}`);
    const record = made.value as unknown as AnyRecord;
    this.records.set(record.id, { ...record, entity: name });
    this.histories.set(record.id, [
      {
        seq: this.clock,
        entity: name,
        recordId: record.id,
        at: record.createdAt,
        principalName: null,
        principal: "seed",
        action: "create",
        version: 1,
        before: null,
        after: record,
      },
    ]);
    return record;
  }

  /** Stores a whole record with its id as given (test setup from the domain's example network). */
  seedRecord(name: EntityName, record: object): AnyRecord {
    const parsed = entities[name].Record.parse(record) as AnyRecord;
    this.records.set(parsed.id, { ...parsed, entity: name });
    this.histories.set(parsed.id, []);
    return parsed;
  }

  /** Changes a record as another person would (test setup for conflicts). */
  changeBehindTheBack(id: string, patch: Record<string, unknown>): AnyRecord {
    const current = this.records.get(id);
    if (!current) throw new Error(`no ${id}`);
    const { entity, ...record } = current;
    const next = updateRecord(entity, record as never, patch, this.now());
    if (!next.ok) throw new Error(JSON.stringify(next.error));
    const saved = next.value as unknown as AnyRecord;
    this.records.set(id, { ...saved, entity });
    return saved;
  }

  all(name: EntityName): AnyRecord[] {
    return [...this.records.values()]
      .filter((r) => r.entity === name && !r.deleted)
      .map(({ entity: _entity, ...r }) => r as AnyRecord);
  }

  async me(key?: string): Promise<Me> {
    this.guard();
    this.calls.push({ method: "me" });
    if ((key ?? this.key) !== this.key)
      throw new ApiError("http", { status: 401, title: titles.unauthorized });
    return { principal: this.principal, tenant: { id: this.tenantId, name: this.tenantName } };
  }

  async list(name: EntityName, query: ListQuery = {}) {
    this.guard();
    this.calls.push({ method: "list", name, query });
    let items = this.all(name);
    for (const [field, value] of Object.entries(query.filters ?? {})) {
      const wanted = value.split(",");
      items = items.filter((r) => {
        const v = r[field];
        if (Array.isArray(v)) return v.some((x) => wanted.includes(String(x)));
        return wanted.includes(String(v));
      });
    }
    if (query.q) {
      const q = query.q.toLowerCase();
      items = items.filter((r) =>
        Object.entries(r).some(
          ([k, v]) => k !== "id" && typeof v === "string" && v.toLowerCase().includes(q),
        ),
      );
    }
    const sort = query.sort ?? "updatedAt";
    const desc = sort.startsWith("-");
    const field = desc ? sort.slice(1) : sort;
    items.sort(
      (a, b) =>
        (desc ? -1 : 1) * String(a[field] ?? "").localeCompare(String(b[field] ?? "")) ||
        a.id.localeCompare(b.id),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const page = items.slice(offset, offset + limit);
    const projected = query.fields?.length
      ? page.map((r) => {
          const out: Record<string, unknown> = { id: r.id, version: r.version };
          for (const f of query.fields ?? []) if (f in r) out[f] = r[f];
          return out as AnyRecord;
        })
      : page.map((r) => viewOf(name, r as never, this.today()) as AnyRecord);
    return { items: projected as never[], total: items.length, limit, offset };
  }

  async get(name: EntityName, id: string) {
    this.guard();
    this.calls.push({ method: "get", name, id });
    const record = this.records.get(id);
    if (!record || record.entity !== name || record.deleted)
      throw new ApiError("http", { status: 404, title: titles.not_found });
    const { entity: _entity, ...rest } = record;
    // With its figures on the test clock's day, as the server serves a record.
    return viewOf(name, rest as never, this.today()) as never;
  }

  async create(name: EntityName, input: unknown) {
    this.guard();
    this.calls.push({ method: "create", name, body: input });
    const made = createRecord(name, input, this.now());
    if (!made.ok)
      throw new ApiError("http", {
        status: 400,
        title: titles.validation_failed,
        errors: made.error.details ?? [],
      });
    const record = made.value as unknown as AnyRecord;
    this.records.set(record.id, { ...record, entity: name });
    this.histories.set(record.id, [
      {
        seq: this.clock,
        entity: name,
        recordId: record.id,
        at: record.createdAt,
        principalName: "Test-Schlüssel",
        principal: "key:1",
        action: "create",
        version: 1,
        before: null,
        after: record,
      },
    ]);
    return record as never;
  }

  async update(name: EntityName, id: string, version: number, patch: unknown) {
    this.guard();
    this.calls.push({ method: "update", name, id, version, body: patch });
    const current = this.records.get(id);
    if (!current || current.entity !== name)
      throw new ApiError("http", { status: 404, title: titles.not_found });
    const { entity: _entity, ...record } = current;
    if (current.version !== version)
      throw new ApiError("http", { status: 412, title: titles.precondition_failed, current: record });
    const next = updateRecord(name, record as never, patch, this.now());
    if (!next.ok)
      throw new ApiError("http", {
        status: 400,
        title: titles.validation_failed,
        errors: next.error.details ?? [],
      });
    const saved = next.value as unknown as AnyRecord;
    this.records.set(id, { ...saved, entity: name });
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(patch as object)) {
      before[key] = record[key];
      after[key] = saved[key];
    }
    this.histories.get(id)?.push({
      seq: this.clock,
      entity: name,
      recordId: id,
      at: saved.updatedAt,
      principalName: "Test-Schlüssel",
      principal: "key:1",
      action: "update",
      version: saved.version,
      before,
      after,
    });
    return saved as never;
  }

  async remove(name: EntityName, id: string, version: number) {
    this.guard();
    this.calls.push({ method: "remove", name, id, version });
    const current = this.records.get(id);
    if (!current || current.entity !== name)
      throw new ApiError("http", { status: 404, title: titles.not_found });
    const { entity: _entity, ...record } = current;
    if (current.version !== version)
      throw new ApiError("http", { status: 412, title: titles.precondition_failed, current: record });
    this.records.set(id, { ...(deleteRecord(record as never, this.now()) as AnyRecord), entity: name });
  }

  async restore(name: EntityName, id: string, version: number) {
    this.guard();
    this.calls.push({ method: "restore", name, id, version });
    const current = this.records.get(id);
    if (!current || current.entity !== name || !current.deleted)
      throw new ApiError("http", { status: 404, title: titles.not_found });
    const { entity: _entity, ...record } = current;
    if (current.version !== version)
      throw new ApiError("http", { status: 412, title: titles.precondition_failed, current: record });
    const restored = restoreRecord(record as never, this.now()) as AnyRecord;
    this.records.set(id, { ...restored, entity: name });
    return restored as never;
  }

  /** The handover as the server runs it: the domain's plan, applied to the records in memory. */
  async handOver(affiliationId: string, version: number, input: HandoverInput) {
    this.guard();
    this.calls.push({ method: "handOver", name: "affiliation", id: affiliationId, version, body: input });
    const affiliation = await this.get("affiliation", affiliationId);
    const memberships = this.all("membership") as unknown[] as Membership[];
    const plan = planHandover({ affiliation: affiliation as Affiliation, memberships }, input);
    if (!plan.ok)
      throw new ApiError("http", {
        status: 400,
        title: titles.validation_failed,
        errors: plan.error.details ?? [],
      });
    for (const change of plan.value.changes) {
      if (change.kind === "create") await this.create(change.entity, change.input);
      else await this.update(change.entity, change.id, change.version, change.patch);
    }
  }

  /** A signature as the server records it: the domain's signing rule, as of the test clock. */
  async sign(agreementId: string, version: number, input: SignatureInput) {
    const agreement = await this.get("agreement", agreementId);
    const plan = planSignature(agreement, input, new Date(this.clock).toISOString().slice(0, 10));
    if (!plan.ok)
      throw new ApiError("http", {
        status: 400,
        title: titles.validation_failed,
        errors: plan.error.details ?? [],
      });
    return this.update("agreement", agreementId, version, plan.value) as never;
  }

  /** A stand-in PDF: the real one is tested against the real server (e2e and API tests). */
  async annualReportPdf(year: number) {
    this.guard();
    this.calls.push({ method: "annualReportPdf", body: year });
    return new Blob([`%PDF-1.7 ${year}`], { type: "application/pdf" });
  }

  /** A stand-in PDF of the practice guide: the real one is tested against the real server. */
  async practiceGuidePdf(lang: "de" | "en") {
    this.guard();
    this.calls.push({ method: "practiceGuidePdf", body: lang });
    return new Blob([`%PDF-1.7 guide ${lang}`], { type: "application/pdf" });
  }

  /** A stand-in meeting paper: the real ones are tested against the real server. */
  async meetingPaper(meetingId: string, paper: MeetingPaper, lang: "de" | "en") {
    this.guard();
    this.calls.push({ method: "meetingPaper", id: meetingId, body: { paper, lang } });
    return paper === "invitation.ics"
      ? new Blob(["BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"], { type: "text/calendar" })
      : new Blob([`%PDF-1.7 ${paper}`], { type: "application/pdf" });
  }

  /** The verification stamp as the server sets it: by the signed-in key, now. */
  async verify(measureId: string, version: number, _input: VerificationInput) {
    return this.update(
      "measure",
      measureId,
      version,
      planVerification("Test-Schlüssel", this.now()),
    ) as never;
  }

  /** The overlap finder over the measures and reviews in memory, as the server runs it. */
  async overlaps() {
    this.guard();
    this.calls.push({ method: "overlaps" });
    const found = findOverlaps(this.all("measure") as unknown[] as Measure[], {
      reviews: this.all("overlapReview") as unknown[] as OverlapReview[],
    });
    return OverlapResult.parse(JSON.parse(JSON.stringify(found)));
  }

  /** A verdict on a pair as the server records it: the domain's rule, by the signed-in key, now. */
  async reviewOverlap(input: OverlapVerdictInput) {
    this.guard();
    this.calls.push({ method: "reviewOverlap", body: input });
    const a = (await this.get("measure", input.measureIds[0])) as Measure;
    const b = (await this.get("measure", input.measureIds[1])) as Measure;
    const plan = planOverlapReview([a, b], input, "Test-Schlüssel", this.now());
    if (!plan.ok)
      throw new ApiError("http", {
        status: 400,
        title: titles.validation_failed,
        errors: plan.error.details ?? [],
      });
    return (await this.create("overlapReview", plan.value)) as never;
  }

  /** The coverage matrix over the measures in memory and the tenant's municipalities. */
  async coverage(query: CoverageQuery) {
    this.guard();
    this.calls.push({ method: "coverage", body: query });
    const region = this.records.get(this.tenantId);
    const municipalities = (region?.municipalities ?? []) as { ags: string }[];
    const result = coverageMatrix(this.all("measure") as unknown[] as Measure[], {
      municipalities,
      ...(query.schoolYear ? { schoolYears: [query.schoolYear] } : {}),
      ...(query.minimumPlaces ? { minimumPlaces: query.minimumPlaces } : {}),
      ...(query.targetGroup ? { targetGroups: [query.targetGroup] } : {}),
      ...(query.category ? { categories: [query.category] } : {}),
    });
    return CoverageResult.parse(JSON.parse(JSON.stringify(result)));
  }

  /** The realisation of planned measures, as of the test's today. */
  async realisation(query: RealisationQuery) {
    this.guard();
    this.calls.push({ method: "realisation", body: query });
    const result = measureRealisation(
      { measure: this.all("measure") as unknown[] as Measure[] },
      {
        asOf: query.asOf ?? this.today(),
        window: { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) },
      },
    );
    return MeasureRealisation.parse(result);
  }

  async history(_name: EntityName, id: string) {
    this.guard();
    return this.histories.get(id) ?? [];
  }

  async batch(name: EntityName, items: readonly unknown[], dryRun: boolean): Promise<BatchResult> {
    this.guard();
    this.calls.push({ method: dryRun ? "batch-dry-run" : "batch", name, body: items });
    const results = items.map((input, index) => {
      const made = createRecord(name, input, this.now());
      return made.ok
        ? { index, ok: true, id: (made.value as unknown as AnyRecord).id }
        : { index, ok: false, errors: [...(made.error.details ?? [])] };
    });
    const ok = results.every((r) => r.ok);
    if (ok && !dryRun) for (const input of items) await this.create(name, input);
    return { dryRun, ok, results };
  }

  /** The district's API keys, as the server keeps them (without secrets). */
  readonly apiKeys: ApiKeyInfo[] = [];

  async listApiKeys() {
    this.guard();
    return this.apiKeys.map((k) => ({ ...k }));
  }

  /** A key as the server makes it. */
  async createApiKey(input: ApiKeyInput) {
    this.guard();
    this.calls.push({ method: "createApiKey", body: input });
    const n = this.apiKeys.length + 1;
    const key: ApiKeyInfo = {
      id: `key_${String(n).padStart(12, "0")}`,
      role: input.role,
      actorId: input.actorId ?? null,
      name: input.name,
      prefix: `oha_k${n}`,
      createdAt: this.now(),
      revokedAt: null,
      lastUsedAt: null,
    };
    this.apiKeys.push(key);
    return { key: { ...key }, secret: `oha_k${n}_secret` };
  }

  async revokeApiKey(keyId: string) {
    this.guard();
    this.calls.push({ method: "revokeApiKey", id: keyId });
    const key = this.apiKeys.find((k) => k.id === keyId);
    if (!key) throw new ApiError("http", { status: 404, title: titles.not_found });
    key.revokedAt = this.now();
    return { ...key };
  }

  /** A stand-in package: the real export is tested against the real server (e2e and API tests). */
  async exportTransfer() {
    this.guard();
    this.calls.push({ method: "exportTransfer" });
    return new Blob(['{"format":"oha.transfer-package"}'], { type: "application/json" });
  }

  /**
   * The comparison of a transfer package: what a test sets in `transferPlan`, as the server would
   * answer it; a write counts what it takes.
   */
  transferPlan: TransferImportResult = {
    dryRun: true,
    items: [],
    warnings: [],
    summary: { new: 0, changed: 0, identical: 0, taken: 0, created: 0, updated: 0 },
  };

  async importTransfer(pkg: unknown, options: { dryRun: boolean; take?: readonly string[] }) {
    this.guard();
    this.calls.push({
      method: options.dryRun ? "transfer-dry-run" : "transfer",
      body: { pkg, take: options.take },
    });
    const take = new Set(options.take ?? this.transferPlan.items.filter((i) => i.take).map((i) => i.ref));
    const items = this.transferPlan.items.map((i) => ({ ...i, take: take.has(i.ref) }));
    const taken = items.filter((i) => i.take);
    return {
      ...this.transferPlan,
      dryRun: options.dryRun,
      items,
      summary: {
        ...this.transferPlan.summary,
        taken: taken.length,
        created: options.dryRun ? 0 : taken.filter((i) => i.status === "new").length,
        updated: options.dryRun ? 0 : taken.filter((i) => i.status === "changed").length,
      },
    };
  }

  /** The test clock's day: the analyses' reference date, as the server takes today's. */
  today(): string {
    return new Date(this.clock).toISOString().slice(0, 10);
  }

  /** Every live record, as the network the server's analyses read. */
  network(): Network {
    const network = emptyNetwork();
    for (const name of entityNames) (network[name] as AnyRecord[]) = this.all(name);
    return network;
  }

  private analyse<T>(name: string, compute: (network: Network, asOf: string) => T): Promise<T> {
    this.guard();
    this.calls.push({ method: "analytics", name });
    // Through JSON, as the answer travels.
    return Promise.resolve(JSON.parse(JSON.stringify(compute(this.network(), this.today()))) as T);
  }

  /** The analyses as the server computes them: the domain's functions over the records in memory. */
  readonly analytics: Api["analytics"] = {
    health: () => this.analyse("health", (n, asOf) => assessNetworkHealth(n, { asOf })),
    participation: () => this.analyse("participation", (n, asOf) => assessParticipation(n, { asOf })),
    continuity: () => this.analyse("continuity", (n, asOf) => assessContinuity(n, { asOf })),
    standards: () => this.analyse("standards", (n, asOf) => assessStandards(n, { asOf })),
    deadlines: () => this.analyse("deadlines", (n, asOf) => findEndingSoon(n, { asOf })),
    indicators: () => this.analyse("indicators", (n, asOf) => indicatorTrends(n, { asOf })),
    meetings: (actorId?: string) =>
      this.analyse("meetings", (n, asOf) => upcomingMeetings(n, { asOf, actorId })),
  };

  async openActionItems(ownerActorId?: string) {
    this.guard();
    this.calls.push({ method: "openActionItems", ...(ownerActorId ? { id: ownerActorId } : {}) });
    return openActionItems(this.network().meeting, this.today(), { ownerActorId });
  }

  /** The completion as the server runs it: the domain's rule for who may, then its command. */
  async completeActionItem(meetingId: string, itemId: string, meetingVersion: number) {
    this.guard();
    const meeting = (await this.get("meeting", meetingId)) as Meeting;
    const item = meeting.actionItems.find((i) => i.id === itemId);
    if (item && !canCompleteActionItem(this.principal, item))
      throw new ApiError("http", { status: 403, title: "Dafür fehlt die Berechtigung." });
    const plan = planActionItemCompletion(meeting, itemId, {}, this.today());
    if (!plan.ok) throw new ApiError("http", { status: 409, title: plan.error.message });
    this.calls.push({ method: "completeActionItem", name: "meeting", id: itemId, version: meetingVersion });
    return this.update("meeting", meetingId, meetingVersion, plan.value) as never;
  }

  /** The calls of one method. */
  callsOf(method: string, name?: string): Call[] {
    return this.calls.filter((c) => c.method === method && (!name || c.name === name));
  }
}

/** An entity's definition, for tests that need ids. */
export const defs = entities;
