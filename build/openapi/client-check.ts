// Compiled (tsc --strict --noEmit) against the types openapi-typescript generates from the OpenAPI document: if the
// document stops describing what clients rely on (the shortlist's JSON, nullable fields, the problem details), this
// file no longer compiles and the test run fails.
import type { components, paths } from "./meritapi";

type Schemas = components["schemas"];
type Shortlist = paths["/api/v1/selections/{id}/shortlist"]["get"]["responses"][200]["content"]["application/json"];
type ShortlistCsv = paths["/api/v1/selections/{id}/shortlist"]["get"]["responses"][200]["content"]["text/csv"];
type Rationale = paths["/api/v1/selections/{id}/scoring-runs/{runId}/results/{candidateId}/rationale"]["get"]["responses"][200]["content"]["application/json"];
type Problem = paths["/api/v1/employees"]["post"]["responses"][400]["content"]["application/problem+json"];

export function leader(shortlist: Shortlist): string {
  const first: Schemas["ShortlistEntryDto"] | undefined = shortlist.candidates.items[0];
  const rank: number | null | undefined = first?.rank;
  const gap: number | null | undefined = first?.gapToNextRank;
  return `${first?.candidateCode ?? "-"} ${rank ?? "unranked"} ${gap ?? ""} ${shortlist.identitiesRevealed}`;
}

export function csvLength(csv: ShortlistCsv): number {
  return csv.length;
}

export function seal(rationale: Rationale): string {
  return rationale.seal ?? "";
}

// An ineligible candidate has no rating and no deciding step: the types must allow null there.
export const noRating: Schemas["CandidateResultDto"]["latestRating"] = null;
export const notDecided: Schemas["RankStep"]["decidedBy"] = null;

export function field(problem: Problem): string[] {
  const errors: Record<string, string[]> | null | undefined = problem.errors;
  return [problem.type, problem.title, String(problem.status), problem.traceId, problem.rule ?? "", ...Object.keys(errors ?? {})];
}

export const body: Schemas["RegisterEmployeeRequest"] = { nip: "198503152010011002", name: "Siti", grade: "III/d", unit: "Biro" };
