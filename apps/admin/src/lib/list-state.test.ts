import { describe, expect, it } from "vitest";
import {
  changeListState,
  type ListSpec,
  readListState,
  sortDirection,
  toggleSort,
  toListQuery,
  writeListState,
} from "./list-state.js";

const spec: ListSpec = { filters: ["kind", "status"], defaultSort: "name" };

describe("list state in the URL", () => {
  it("reads defaults from an empty URL", () => {
    expect(readListState(new URLSearchParams(), spec)).toEqual({
      page: 1,
      size: 25,
      sort: "name",
      q: "",
      filters: {},
    });
  });

  it("reads page, size, sort, search and known filters; ignores unknown and malformed ones", () => {
    const params = new URLSearchParams("page=3&size=50&sort=-kind&q=schule&kind=chamber&other=x");
    expect(readListState(params, spec)).toEqual({
      page: 3,
      size: 50,
      sort: "-kind",
      q: "schule",
      filters: { kind: "chamber" },
    });
    const bad = new URLSearchParams("page=-2&size=13&sort=drop%20table");
    expect(readListState(bad, spec)).toMatchObject({ page: 1, size: 25, sort: "name" });
  });

  it("writes only what differs from the defaults and keeps foreign parameters", () => {
    const state = {
      page: 2,
      size: 25,
      sort: "name",
      q: " jobcenter ",
      filters: { kind: "job_centre", status: "" },
    };
    const written = writeListState(state, spec, new URLSearchParams("tab=history&kind=old"));
    expect(written.toString()).toBe("tab=history&q=jobcenter&kind=job_centre&page=2");
  });

  it("round-trips through the URL", () => {
    const state = { page: 4, size: 100, sort: "-name", q: "BBS", filters: { kind: "vocational_school" } };
    expect(readListState(writeListState(state, spec), spec)).toEqual(state);
  });

  it("goes back to page 1 when the search, a filter, the sort or the size change", () => {
    const state = { page: 5, size: 25, sort: "name", q: "", filters: {} };
    expect(changeListState(state, { q: "x" }).page).toBe(1);
    expect(changeListState(state, { filters: { kind: "chamber" } }).page).toBe(1);
    expect(changeListState(state, { sort: "-name" }).page).toBe(1);
    expect(changeListState(state, { size: 50 }).page).toBe(1);
    expect(changeListState(state, { page: 6 }).page).toBe(6);
    expect(changeListState(state, { filters: {} }).page).toBe(5);
  });

  it("drops a filter set to empty", () => {
    const state = { page: 1, size: 25, sort: "name", q: "", filters: { kind: "chamber" } };
    expect(changeListState(state, { filters: { kind: "" } }).filters).toEqual({});
  });

  it("turns the state into the API's paging", () => {
    expect(toListQuery({ page: 3, size: 50, sort: "-from", q: "a", filters: { status: "running" } })).toEqual(
      {
        limit: 50,
        offset: 100,
        sort: "-from",
        q: "a",
        filters: { status: "running" },
      },
    );
  });

  it("toggles sorting ascending, then descending, and reports it for aria-sort", () => {
    expect(toggleSort("name", "kind")).toBe("kind");
    expect(toggleSort("kind", "kind")).toBe("-kind");
    expect(toggleSort("-kind", "kind")).toBe("kind");
    expect(sortDirection("kind", "kind")).toBe("ascending");
    expect(sortDirection("-kind", "kind")).toBe("descending");
    expect(sortDirection("name", "kind")).toBe("none");
  });
});
