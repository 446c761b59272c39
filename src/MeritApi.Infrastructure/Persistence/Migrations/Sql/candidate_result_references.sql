-- A scoring run's results reference their run and their candidates. Foreign keys would check those references row by
-- row, about half the cost of storing a 100,000-candidate run; this statement-level trigger checks every inserted row in
-- one set-based query, and more strictly: the candidate must belong to the run's selection. Scoring runs are
-- append-only; candidates that have results can no longer be deleted or re-keyed.
CREATE FUNCTION check_candidate_result_references() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM inserted r
               LEFT JOIN scoring_runs s ON s.id = r.scoring_run_id
               LEFT JOIN candidates c ON c.id = r.candidate_id AND c.selection_id = s.selection_id
               WHERE c.id IS NULL) THEN
        RAISE EXCEPTION 'a candidate result must reference an existing scoring run and a candidate of its selection'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER candidate_results_references AFTER INSERT ON candidate_results
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION check_candidate_result_references();

CREATE FUNCTION refuse_change_of_scored_candidates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM candidate_results WHERE candidate_id = OLD.id) THEN
        RAISE EXCEPTION 'candidate % has scoring results: it cannot be deleted or re-keyed', OLD.id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER candidates_keep_scored BEFORE DELETE OR UPDATE OF id ON candidates
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_scored_candidates();
