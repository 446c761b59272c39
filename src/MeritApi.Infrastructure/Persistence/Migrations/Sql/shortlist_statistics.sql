-- Shortlist pages are range scans of the index in page order. The run id gets no planner statistics: every run is a new
-- value, which the histogram and most-common-values list of the older runs made the planner estimate at one row; it then
-- read the whole run through the primary key and sorted it (64 ms for top=10 of a 100,000-candidate run instead of
-- 0.2 ms). Without statistics the planner assumes a run is a sizeable share of the table, which it is.
ALTER TABLE candidate_results ALTER COLUMN scoring_run_id SET STATISTICS 0;
