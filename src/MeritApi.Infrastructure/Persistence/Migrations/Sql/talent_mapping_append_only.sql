-- A talent-mapping run, its placements and its exclusions are append-only, as scoring runs are: the function is the one
-- append_only.sql installed.
CREATE TRIGGER talent_mapping_runs_append_only BEFORE UPDATE OR DELETE ON talent_mapping_runs
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER talent_mapping_runs_no_truncate BEFORE TRUNCATE ON talent_mapping_runs
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER talent_mapping_placements_append_only BEFORE UPDATE OR DELETE ON talent_mapping_placements
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER talent_mapping_placements_no_truncate BEFORE TRUNCATE ON talent_mapping_placements
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER talent_mapping_exclusions_append_only BEFORE UPDATE OR DELETE ON talent_mapping_exclusions
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER talent_mapping_exclusions_no_truncate BEFORE TRUNCATE ON talent_mapping_exclusions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();
