-- The audit trail and everything a decision rests on are append-only, enforced by PostgreSQL itself for every role the
-- application connects as: rows can be added, never changed or removed (the runtime role has no UPDATE or DELETE on
-- them either; see DatabaseRoles).
CREATE FUNCTION refuse_change_of_append_only_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: rows of this table are append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER scoring_runs_append_only BEFORE UPDATE OR DELETE ON scoring_runs
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER scoring_runs_no_truncate BEFORE TRUNCATE ON scoring_runs
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER candidate_results_append_only BEFORE UPDATE OR DELETE ON candidate_results
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER candidate_results_no_truncate BEFORE TRUNCATE ON candidate_results
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER selection_decisions_append_only BEFORE UPDATE OR DELETE ON selection_decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER selection_decisions_no_truncate BEFORE TRUNCATE ON selection_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();

CREATE TRIGGER decision_choices_append_only BEFORE UPDATE OR DELETE ON decision_choices
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER decision_choices_no_truncate BEFORE TRUNCATE ON decision_choices
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();
