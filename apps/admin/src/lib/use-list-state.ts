import { useCallback, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import {
  changeListState,
  type ListSpec,
  type ListState,
  readListState,
  writeListState,
} from "./list-state.js";

/**
 * A list's filter, sort, search and page, kept in the URL: a reload shows the same list and
 * the browser's back button returns to the previous one. Typing in the search box replaces
 * the history entry instead of adding one per keystroke.
 */
export function useListState(spec: ListSpec) {
  const [params, setParams] = useSearchParams();
  // The spec of a list does not change while it is shown; a ref keeps the callbacks stable.
  const specRef = useRef(spec);
  specRef.current = spec;
  const state = useMemo(() => readListState(params, specRef.current), [params]);
  const change = useCallback(
    (next: Parameters<typeof changeListState>[1], options: { replace?: boolean } = {}) => {
      const current = specRef.current;
      setParams((url) => writeListState(changeListState(readListState(url, current), next), current, url), {
        replace: options.replace ?? false,
      });
    },
    [setParams],
  );
  return [state, change] as const satisfies readonly [ListState, unknown];
}
