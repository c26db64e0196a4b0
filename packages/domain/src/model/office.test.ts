import { describe, expect, it } from "vitest";
import { created, expectIssue, richCreate, tryCreate } from "../../test/fixtures.js";
import { staffingOn } from "./office.js";

describe("CoordinationOffice", () => {
  it("refuses placements and staffing periods that end before they start", () => {
    const placements = [
      { from: "2013-01-01", to: "2012-12-31", unitKind: "department", unitName: "Fachdienst" },
    ];
    expectIssue(tryCreate("coordinationOffice", { placements }), "placements.0.to", "end_before_start");
    const staffing = [{ from: "2013-01-01", to: "2012-12-31", posts: 2, funding: "mixed" }];
    expectIssue(tryCreate("coordinationOffice", { staffing }), "staffing.0.to", "end_before_start");
  });

  it("refuses negative posts and fractional post counts", () => {
    const staffing = (posts: number) => [{ from: "2013-01-01", posts, funding: "mixed" }];
    expectIssue(tryCreate("coordinationOffice", { staffing: staffing(-1) }), "staffing.0.posts", "too_small");
    expectIssue(
      tryCreate("coordinationOffice", { staffing: staffing(1.5) }),
      "staffing.0.posts",
      "invalid_type",
    );
  });

  it("dates milestones to the day unless said otherwise", () => {
    const office = created("coordinationOffice", {
      name: "Koordinierungsstelle",
      milestones: [{ date: "2008-01-01", kind: "founded", title: "Einrichtung" }],
    });
    expect(office.milestones[0]?.precision).toBe("day");
  });
});

describe("staffingOn", () => {
  const office = created("coordinationOffice", richCreate.coordinationOffice);

  it("finds the staffing period in force on a date, inclusive at both ends", () => {
    expect(staffingOn(office, "2008-01-01")?.posts).toBe(1);
    expect(staffingOn(office, "2010-12-31")?.posts).toBe(1);
    expect(staffingOn(office, "2024-01-01")?.posts).toBe(2);
  });

  it("finds nothing between or before periods", () => {
    expect(staffingOn(office, "2012-06-01")).toBeUndefined();
    expect(staffingOn(office, "2007-12-31")).toBeUndefined();
  });
});
