import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../src/index.js";
import { backends, ctx, newTenant, sql, type TestDatabase, value } from "./backends.js";

describe.each(backends)("API keys and idempotency keys on $name", (backend) => {
  let db: TestDatabase;
  let a: string;
  let b: string;

  beforeAll(async () => {
    db = await backend.open();
    a = await newTenant(db.store, "Landkreis A");
    b = await newTenant(db.store, "Landkreis B");
  });
  afterAll(() => db?.dispose());

  describe("API keys", () => {
    it("issues a key whose secret is shown once and stored only as a hash", async () => {
      const { record: key, secret } = value(
        await db.store.apiKeys.create({ tenantId: a, role: "coordinator", name: "Import-Skript" }),
      );
      expect(secret).toMatch(/^oha_[A-Za-z0-9_-]{43}$/);
      expect(key).toMatchObject({
        tenantId: a,
        role: "coordinator",
        actorId: null,
        name: "Import-Skript",
        revokedAt: null,
        lastUsedAt: null,
      });
      expect(secret.startsWith(key.prefix)).toBe(true);
      const stored = await db.query<{ hash: string }>(sql`select * from api_keys where id = ${key.id}`);
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(stored[0]?.hash).toBe(await hashSecret(secret));
    });

    it("finds the key of a secret, notes its use, and forgets it once revoked", async () => {
      const { record: key, secret } = value(
        await db.store.apiKeys.create({ tenantId: b, role: "viewer", name: "Dashboard" }),
      );
      const verified = await db.store.apiKeys.verify(secret);
      expect(verified).toMatchObject({ id: key.id, tenantId: b, role: "viewer" });
      expect(verified?.lastUsedAt).not.toBeNull();
      expect(await db.store.apiKeys.verify(`${secret}x`)).toBeUndefined();

      const foreign = await db.store.apiKeys.revoke(a, key.id);
      expect(foreign.ok || foreign.error.code).toBe("not_found");
      expect(await db.store.apiKeys.verify(secret)).toBeDefined();

      expect(value(await db.store.apiKeys.revoke(b, key.id)).revokedAt).not.toBeNull();
      expect(await db.store.apiKeys.verify(secret)).toBeUndefined();
    });

    it("ties a partner's key to an actor of the same tenant", async () => {
      const actor = value(
        await db.store.tenant(a).create("actor", { name: "Träger", kind: "independent_provider" }, ctx),
      );
      const { record, secret } = value(
        await db.store.apiKeys.create({
          tenantId: a,
          role: "partner",
          actorId: actor.id,
          name: "Träger-Zugang",
        }),
      );
      expect(record.actorId).toBe(actor.id);
      expect((await db.store.apiKeys.verify(secret))?.actorId).toBe(actor.id);
      const foreign = await db.store.apiKeys.create({
        tenantId: b,
        role: "partner",
        actorId: actor.id,
        name: "x",
      });
      expect(foreign.ok || foreign.error.details?.[0]?.code).toBe("unknown_reference");
    });

    it("lists only the tenant's own keys", async () => {
      const ofA = await db.store.apiKeys.list(a);
      const ofB = await db.store.apiKeys.list(b);
      expect(ofA.map((k) => k.name)).toEqual(["Träger-Zugang", "Import-Skript"]);
      expect(ofB.map((k) => k.name)).toEqual(["Dashboard"]);
    });

    it("refuses keys for unknown tenants and invalid input", async () => {
      const unknown = await db.store.apiKeys.create({
        tenantId: "reg_000000000000",
        role: "admin",
        name: "x",
      });
      expect(unknown.ok || unknown.error.code).toBe("not_found");
      const invalid = await db.store.apiKeys.create({ tenantId: a, role: "editor" as never, name: "x" });
      expect(invalid.ok || invalid.error.code).toBe("validation_failed");
    });
  });

  describe("idempotency keys", () => {
    const scope = () => ({ tenantId: a, principal: "key_1", key: "2f1c-import" });

    it("claims a new key, replays the stored response, and spots a different request", async () => {
      const { idempotency } = db.store;
      expect(await idempotency.claim({ ...scope(), fingerprint: "POST /actors #1" })).toEqual({
        state: "new",
      });
      expect(await idempotency.claim({ ...scope(), fingerprint: "POST /actors #1" })).toEqual({
        state: "in_progress",
      });
      await idempotency.complete({ ...scope(), status: 201, body: { id: "act_1" } });
      expect(await idempotency.claim({ ...scope(), fingerprint: "POST /actors #1" })).toEqual({
        state: "replay",
        fingerprint: "POST /actors #1",
        status: 201,
        body: { id: "act_1" },
        headers: {},
      });
      expect(await idempotency.claim({ ...scope(), fingerprint: "POST /actors #2" })).toEqual({
        state: "mismatch",
      });
    });

    it("keeps keys apart per tenant and principal", async () => {
      const { idempotency } = db.store;
      expect(await idempotency.claim({ ...scope(), tenantId: b, fingerprint: "other" })).toEqual({
        state: "new",
      });
      expect(await idempotency.claim({ ...scope(), principal: "key_2", fingerprint: "other" })).toEqual({
        state: "new",
      });
    });

    it("remembers a response in the simple way too: the first one stored stays", async () => {
      const { idempotency } = db.store;
      expect(await idempotency.get(a, "key_3", "simple")).toBeUndefined();
      const first = {
        fingerprint: "f1",
        status: 201,
        body: { id: "act_1" },
        headers: { location: "/actors/act_1" },
      };
      expect(await idempotency.put(a, "key_3", "simple", first)).toEqual(first);
      expect(await idempotency.put(a, "key_3", "simple", { ...first, body: { id: "act_2" } })).toEqual(first);
      expect(await idempotency.get(a, "key_3", "simple")).toEqual(first);
      expect(await idempotency.get(b, "key_3", "simple")).toBeUndefined();
    });

    it("lets a failed request be retried, and expires old keys", async () => {
      const { idempotency } = db.store;
      const retry = { tenantId: a, principal: "key_1", key: "retry" };
      expect(await idempotency.claim({ ...retry, fingerprint: "f" })).toEqual({ state: "new" });
      await idempotency.release(retry);
      expect(await idempotency.claim({ ...retry, fingerprint: "f" })).toEqual({ state: "new" });

      const short = { tenantId: a, principal: "key_1", key: "short" };
      expect(await idempotency.claim({ ...short, fingerprint: "f", ttlSeconds: 0 })).toEqual({
        state: "new",
      });
      await idempotency.complete({ ...short, status: 200, body: null });
      expect(await idempotency.claim({ ...short, fingerprint: "g", ttlSeconds: 0 })).toEqual({
        state: "new",
      });
      expect(await idempotency.deleteExpired()).toBeGreaterThanOrEqual(1);
      const left = await db.query(sql`select key from idempotency_keys where key = 'short'`);
      expect(left).toEqual([]);
    });
  });
});
