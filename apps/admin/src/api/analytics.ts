import type { OverlapVerdictInput } from "@oha/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./context.js";
import { analyticsKeys, invalidate } from "./hooks.js";
import type { CoverageQuery, RealisationQuery } from "./types.js";

/** The overlap finder's pairs, clusters and dismissed pairs for the signed-in tenant. */
export function useOverlaps() {
  const api = useApi();
  return useQuery({ queryKey: analyticsKeys.of("overlaps"), queryFn: () => api.overlaps() });
}

/** Records a verdict on a pair; the overlaps and the reviews load again. */
export function useReviewOverlap() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OverlapVerdictInput) => api.reviewOverlap(input),
    onSuccess: () => invalidate(client, "overlapReview"),
  });
}

/** The coverage matrix for a school year (or every year), with its gaps. */
export function useCoverage(query: CoverageQuery, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: analyticsKeys.of("coverage", query),
    queryFn: () => api.coverage(query),
    enabled,
  });
}

/** The realisation of planned measures in a window. */
export function useRealisation(query: RealisationQuery) {
  const api = useApi();
  return useQuery({
    queryKey: analyticsKeys.of("realisation", query),
    queryFn: () => api.realisation(query),
  });
}
