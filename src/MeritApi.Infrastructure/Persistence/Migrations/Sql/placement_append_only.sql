-- A placement plan and the PPK's decision on it are append-only, as scoring and mapping runs are: the function is the one
-- append_only.sql installed.
CREATE TRIGGER placement_plans_append_only BEFORE UPDATE OR DELETE ON placement_plans
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER placement_plans_no_truncate BEFORE TRUNCATE ON placement_plans
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER placement_decisions_append_only BEFORE UPDATE OR DELETE ON placement_decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER placement_decisions_no_truncate BEFORE TRUNCATE ON placement_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();
