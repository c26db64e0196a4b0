import { describe, expect, it } from "vitest";
import { created, expectIssue, ids, later, richCreate, tryCreate } from "../../test/fixtures.js";
import {
  type AgreementStatus,
  agreementStatusLabels,
  agreementTransitions,
  canTransition,
} from "./agreement.js";
import { updateRecord } from "./entities.js";

const signature = { actorId: ids.actor, signedOn: "2013-06-27" };

describe("Agreement status rules", () => {
  it("needs a signature once signed", () => {
    expectIssue(tryCreate("agreement", { status: "signed" }), "signatures", "signed_without_signatures");
    expect(tryCreate("agreement", { status: "signed", signatures: [signature] }).ok).toBe(true);
  });

  it("needs signatures and a start of validity to be in force", () => {
    const result = tryCreate("agreement", { status: "in_force" });
    expectIssue(result, "signatures", "in_force_without_signatures");
    expectIssue(result, "validFrom", "in_force_without_validity");
    expectIssue(
      tryCreate("agreement", { status: "in_force", signatures: [signature] }),
      "validFrom",
      "in_force_without_validity",
    );
    expectIssue(
      tryCreate("agreement", { status: "in_force", validFrom: "2013-07-01" }),
      "signatures",
      "in_force_without_signatures",
    );
  });

  it.each(["expired", "terminated"])("needs an end date when %s", (status) => {
    expectIssue(tryCreate("agreement", { status }), "validTo", "ended_without_end");
    expect(tryCreate("agreement", { status, validTo: "2018-06-30" }).ok).toBe(true);
  });

  it("refuses a validity that ends before it starts", () => {
    expectIssue(
      tryCreate("agreement", { validFrom: "2013-07-01", validTo: "2013-06-30" }),
      "validTo",
      "end_before_start",
    );
  });

  it("lets a draft have no signatures or dates", () => {
    expect(tryCreate("agreement", {}).ok).toBe(true);
  });
});

describe("Agreement parties", () => {
  it("refuses two signatures of the same partner", () => {
    const issue = expectIssue(
      tryCreate("agreement", { signatures: [signature, { ...signature, signedOn: "2013-07-01" }] }),
      "signatures.1.actorId",
      "duplicate_value",
    );
    expect(issue.messages.en).toContain(ids.actor);
  });

  it("refuses a signature or commitment of someone who is not a party", () => {
    const base = { partyActorIds: [ids.actor] };
    expectIssue(
      tryCreate("agreement", { ...base, signatures: [{ actorId: ids.actor2, signedOn: "2013-06-27" }] }),
      "signatures.0.actorId",
      "unknown_reference",
    );
    expectIssue(
      tryCreate("agreement", { ...base, commitments: [{ actorId: ids.actor2, text: "Hilft." }] }),
      "commitments.0.actorId",
      "unknown_reference",
    );
  });

  it("accepts any signer while no parties are listed", () => {
    expect(tryCreate("agreement", { signatures: [{ actorId: ids.actor2, signedOn: "2013-06-27" }] }).ok).toBe(
      true,
    );
  });

  it("numbers each revision once", () => {
    const revisions = [
      { number: 1, summary: "Erste Fassung" },
      { number: 1, summary: "Noch einmal" },
    ];
    expectIssue(tryCreate("agreement", { revisions }), "revisions.1.number", "duplicate_value");
  });
});

describe("Agreement patches", () => {
  const draft = () => created("agreement", { title: "Vereinbarung" });

  it("refuses putting a draft in force without signatures", () => {
    const result = updateRecord("agreement", draft(), { status: "in_force", validFrom: "2024-01-01" }, later);
    expectIssue(result, "signatures", "in_force_without_signatures");
  });

  it("accepts putting it in force together with what it needs", () => {
    const result = updateRecord(
      "agreement",
      draft(),
      { status: "in_force", validFrom: "2024-01-01", signatures: [signature] },
      later,
    );
    expect(result.ok && result.value.status).toBe("in_force");
  });

  it("refuses ending an agreement in force without an end date", () => {
    const inForce = created("agreement", { ...richCreate.agreement, validTo: undefined });
    expectIssue(
      updateRecord("agreement", inForce, { status: "terminated" }, later),
      "validTo",
      "ended_without_end",
    );
  });
});

describe("canTransition", () => {
  const statuses = Object.keys(agreementStatusLabels) as AgreementStatus[];

  it("follows the agreement's life cycle", () => {
    expect(canTransition("draft", "negotiating")).toBe(true);
    expect(canTransition("negotiating", "signed")).toBe(true);
    expect(canTransition("signed", "in_force")).toBe(true);
    expect(canTransition("in_force", "expired")).toBe(true);
    expect(canTransition("in_force", "terminated")).toBe(true);
    expect(canTransition("expired", "negotiating")).toBe(true);
  });

  it("does not skip steps or revive a terminated agreement", () => {
    expect(canTransition("draft", "in_force")).toBe(false);
    expect(canTransition("draft", "signed")).toBe(false);
    expect(canTransition("signed", "draft")).toBe(false);
    expect(canTransition("expired", "in_force")).toBe(false);
    for (const to of statuses) if (to !== "terminated") expect(canTransition("terminated", to)).toBe(false);
  });

  it("always allows staying put", () => {
    for (const status of statuses) expect(canTransition(status, status)).toBe(true);
  });

  it("covers every status and reaches every status from a draft", () => {
    expect(Object.keys(agreementTransitions).sort()).toEqual([...statuses].sort());
    const reached = new Set<AgreementStatus>(["draft"]);
    const queue: AgreementStatus[] = ["draft"];
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const to of agreementTransitions[next]) {
        if (!reached.has(to)) queue.push(to);
        reached.add(to);
      }
    }
    expect([...reached].sort()).toEqual([...statuses].sort());
  });
});
