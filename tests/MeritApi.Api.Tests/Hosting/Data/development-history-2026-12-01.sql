-- The schema and seed data of a database created by the development history of migrations, as it stood at
-- 20261201194213_TrustAtTheEdges (pg_dump --inserts): the state run.sh users' .pgdata is in before the squash.
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
CREATE FUNCTION public.check_candidate_result_references() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
CREATE FUNCTION public.refuse_change_of_append_only_rows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION '% on % refused: rows of this table are append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE FUNCTION public.refuse_change_of_scored_candidates() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT FROM candidate_results WHERE candidate_id = OLD.id) THEN
        RAISE EXCEPTION 'candidate % has scoring results: it cannot be deleted or re-keyed', OLD.id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE public.__ef_migrations_history (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL
);
CREATE TABLE public.audit_entries (
    sequence bigint NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor character varying(200) NOT NULL,
    role character varying(50) NOT NULL,
    command character varying(100) NOT NULL,
    touched_ids uuid[] NOT NULL,
    request_id character varying(100) NOT NULL,
    body_digest character(64) NOT NULL,
    outcome_digest character(64),
    previous_hash character(64) NOT NULL,
    hash character(64) NOT NULL
);
CREATE TABLE public.candidate_results (
    scoring_run_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    candidate_code character varying(16) NOT NULL,
    grade character varying(5) NOT NULL,
    jpm numeric(5,2) NOT NULL,
    jpm_band character varying(32) NOT NULL,
    competency_gaps json NOT NULL,
    performance_score numeric(5,2) NOT NULL,
    performance_years json NOT NULL,
    latest_rating character varying(32),
    merit_score numeric(5,2) NOT NULL,
    talent_box integer NOT NULL,
    eligible boolean NOT NULL,
    ineligibility_reasons json NOT NULL,
    rank integer,
    rank_decided_by character varying(32),
    seal character(64) DEFAULT ''::bpchar NOT NULL,
    list_position integer NOT NULL
);
ALTER TABLE ONLY public.candidate_results ALTER COLUMN scoring_run_id SET STATISTICS 0;
CREATE TABLE public.candidates (
    id uuid NOT NULL,
    selection_id uuid NOT NULL,
    employee_id uuid NOT NULL,
    number integer NOT NULL,
    code character varying(16) NOT NULL,
    enrolled_at timestamp with time zone NOT NULL
);
CREATE TABLE public.competencies (
    code character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    category character varying(32) NOT NULL,
    description character varying(2000),
    vocabulary_exemption_approved_at timestamp with time zone,
    vocabulary_exemption_approved_by character varying(200),
    vocabulary_exemption_justification character varying(2000),
    vocabulary_exemption_terms text[]
);
CREATE TABLE public.competency_assessments (
    id uuid NOT NULL,
    employee_id uuid NOT NULL,
    competency_code character varying(32) NOT NULL,
    level integer NOT NULL,
    assessed_on date NOT NULL,
    assessor character varying(200) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_competency_assessments_level CHECK (((level >= 1) AND (level <= 5)))
);
CREATE TABLE public.competency_requirements (
    competency_code character varying(32) NOT NULL,
    position_id uuid NOT NULL,
    required_level integer NOT NULL,
    CONSTRAINT ck_competency_requirements_level CHECK (((required_level >= 1) AND (required_level <= 5)))
);
CREATE TABLE public.decision_choices (
    candidate_id uuid NOT NULL,
    decision_id uuid NOT NULL,
    candidate_code character varying(16) NOT NULL,
    rank integer NOT NULL,
    merit_score numeric(5,2) NOT NULL,
    standing character varying(32) NOT NULL
);
CREATE TABLE public.employees (
    id uuid NOT NULL,
    nip character(18) NOT NULL,
    name character varying(200) NOT NULL,
    grade character varying(5) NOT NULL,
    unit character varying(200) NOT NULL
);
CREATE TABLE public.idempotency_keys (
    client character varying(200) NOT NULL,
    key character varying(100) NOT NULL,
    request_fingerprint character(64) NOT NULL,
    status_code integer NOT NULL,
    body text,
    location character varying(500),
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone DEFAULT '-infinity'::timestamp with time zone NOT NULL,
    scope character varying(36)
);
CREATE TABLE public.performance_ratings (
    employee_id uuid NOT NULL,
    year integer NOT NULL,
    rating character varying(32) NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);
CREATE TABLE public.positions (
    id uuid NOT NULL,
    code character varying(50) NOT NULL,
    title character varying(200) NOT NULL,
    kind character varying(32) NOT NULL,
    minimum_grade character varying(5)
);
CREATE TABLE public.scoring_policies (
    version integer NOT NULL,
    competence_weight numeric(4,3) NOT NULL,
    performance_weight numeric(4,3) NOT NULL,
    performance_year_weights numeric(4,3)[] NOT NULL,
    band_set character varying(32) NOT NULL,
    minimum_rating character varying(32) NOT NULL,
    description character varying(500),
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.scoring_runs (
    id uuid NOT NULL,
    selection_id uuid NOT NULL,
    sequence integer NOT NULL,
    policy_version integer NOT NULL,
    latest_performance_year integer NOT NULL,
    scored_at timestamp with time zone NOT NULL,
    candidate_count integer NOT NULL,
    eligible_count integer NOT NULL,
    minimum_grade character varying(5),
    results_digest character(64) DEFAULT ''::bpchar NOT NULL
);
CREATE TABLE public.selection_decisions (
    id uuid NOT NULL,
    selection_id uuid NOT NULL,
    scoring_run_id uuid NOT NULL,
    places integer NOT NULL,
    justification character varying(4000),
    decided_by character varying(200) NOT NULL,
    decided_at timestamp with time zone NOT NULL
);
CREATE TABLE public.selections (
    id uuid NOT NULL,
    position_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    places integer NOT NULL,
    policy_version integer NOT NULL,
    latest_performance_year integer NOT NULL,
    reference character varying(100),
    status character varying(32) NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    candidate_count integer NOT NULL,
    scoring_run_count integer NOT NULL,
    identities_revealed_at timestamp with time zone
);
INSERT INTO public.__ef_migrations_history VALUES ('20261123095440_InitialCreate', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123102703_AuditTrailDecisionsAndRationaleSeals', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123103754_IdempotencyKeys', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123104049_IdentityReveal', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123111441_CompactResultEvidence', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123131329_UniqueCompetencyAssessments', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123131513_ResultReferencesCheckedPerStatement', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123132749_ShortlistIndexInPageOrder', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123150203_ResultEvidenceAsJsonText', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261123160444_ShortlistIndexOnListPosition', '10.0.15');
INSERT INTO public.__ef_migrations_history VALUES ('20261201194213_TrustAtTheEdges', '10.0.15');
INSERT INTO public.competencies VALUES ('M-CHANGE', 'Managing change (Mengelola perubahan)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-COMMUNICATION', 'Communication (Komunikasi)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-COOPERATION', 'Cooperation (Kerja sama)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-DECISION', 'Decision making (Pengambilan keputusan)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-DEVELOPMENT', 'Developing self and others (Pengembangan diri dan orang lain)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-INTEGRITY', 'Integrity (Integritas)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-PUBLIC-SERVICE', 'Public service (Pelayanan publik)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('M-RESULTS', 'Results orientation (Orientasi pada hasil)', 'Managerial', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.competencies VALUES ('SC-NATIONAL-UNITY', 'National unity (Perekat bangsa)', 'SocioCultural', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.scoring_policies VALUES (1, 0.500, 0.500, '{0.600,0.400}', 'Filling', 'Good', 'Default policy: competence 0.5, performance 0.5; two SKP years weighted 0.6 (latest) and 0.4; Filling bands; each counted year at least Good.', '2026-01-01 00:00:00+00');
ALTER TABLE ONLY public.__ef_migrations_history
    ADD CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id);
ALTER TABLE ONLY public.audit_entries
    ADD CONSTRAINT pk_audit_entries PRIMARY KEY (sequence);
ALTER TABLE ONLY public.candidate_results
    ADD CONSTRAINT pk_candidate_results PRIMARY KEY (scoring_run_id, candidate_id);
ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT pk_candidates PRIMARY KEY (id);
ALTER TABLE ONLY public.competencies
    ADD CONSTRAINT pk_competencies PRIMARY KEY (code);
ALTER TABLE ONLY public.competency_assessments
    ADD CONSTRAINT pk_competency_assessments PRIMARY KEY (id);
ALTER TABLE ONLY public.competency_requirements
    ADD CONSTRAINT pk_competency_requirements PRIMARY KEY (position_id, competency_code);
ALTER TABLE ONLY public.decision_choices
    ADD CONSTRAINT pk_decision_choices PRIMARY KEY (decision_id, candidate_id);
ALTER TABLE ONLY public.employees
    ADD CONSTRAINT pk_employees PRIMARY KEY (id);
ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT pk_idempotency_keys PRIMARY KEY (client, key);
ALTER TABLE ONLY public.performance_ratings
    ADD CONSTRAINT pk_performance_ratings PRIMARY KEY (employee_id, year);
ALTER TABLE ONLY public.positions
    ADD CONSTRAINT pk_positions PRIMARY KEY (id);
ALTER TABLE ONLY public.scoring_policies
    ADD CONSTRAINT pk_scoring_policies PRIMARY KEY (version);
ALTER TABLE ONLY public.scoring_runs
    ADD CONSTRAINT pk_scoring_runs PRIMARY KEY (id);
ALTER TABLE ONLY public.selection_decisions
    ADD CONSTRAINT pk_selection_decisions PRIMARY KEY (id);
ALTER TABLE ONLY public.selections
    ADD CONSTRAINT pk_selections PRIMARY KEY (id);
CREATE INDEX ix_audit_entries_actor ON public.audit_entries USING btree (actor);
CREATE INDEX ix_audit_entries_occurred_at ON public.audit_entries USING btree (occurred_at);
CREATE INDEX ix_audit_entries_touched_ids ON public.audit_entries USING gin (touched_ids);
CREATE INDEX ix_candidate_results_scoring_run_id_rank_list_position ON public.candidate_results USING btree (scoring_run_id, rank, list_position);
CREATE INDEX ix_candidates_employee_id ON public.candidates USING btree (employee_id);
CREATE UNIQUE INDEX ix_candidates_selection_id_employee_id ON public.candidates USING btree (selection_id, employee_id);
CREATE UNIQUE INDEX ix_candidates_selection_id_number ON public.candidates USING btree (selection_id, number);
CREATE INDEX ix_competency_assessments_competency_code ON public.competency_assessments USING btree (competency_code);
CREATE UNIQUE INDEX ix_competency_assessments_same_assessment ON public.competency_assessments USING btree (employee_id, competency_code, assessed_on, assessor, level);
CREATE INDEX ix_competency_requirements_competency_code ON public.competency_requirements USING btree (competency_code);
CREATE INDEX ix_decision_choices_candidate_id ON public.decision_choices USING btree (candidate_id);
CREATE INDEX ix_decision_choices_standing ON public.decision_choices USING btree (standing);
CREATE UNIQUE INDEX ix_employees_nip ON public.employees USING btree (nip);
CREATE INDEX ix_idempotency_keys_expires_at ON public.idempotency_keys USING btree (expires_at);
CREATE UNIQUE INDEX ix_positions_code ON public.positions USING btree (code);
CREATE UNIQUE INDEX ix_scoring_runs_selection_id_sequence ON public.scoring_runs USING btree (selection_id, sequence);
CREATE INDEX ix_selection_decisions_decided_at ON public.selection_decisions USING btree (decided_at);
CREATE INDEX ix_selection_decisions_scoring_run_id ON public.selection_decisions USING btree (scoring_run_id);
CREATE UNIQUE INDEX ix_selection_decisions_selection_id ON public.selection_decisions USING btree (selection_id);
CREATE INDEX ix_selections_opened_at ON public.selections USING btree (opened_at);
CREATE INDEX ix_selections_policy_version ON public.selections USING btree (policy_version);
CREATE INDEX ix_selections_position_id ON public.selections USING btree (position_id);
CREATE TRIGGER audit_entries_append_only BEFORE DELETE OR UPDATE ON public.audit_entries FOR EACH ROW EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON public.audit_entries FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER candidate_results_append_only BEFORE DELETE OR UPDATE ON public.candidate_results FOR EACH ROW EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER candidate_results_no_truncate BEFORE TRUNCATE ON public.candidate_results FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER candidate_results_references AFTER INSERT ON public.candidate_results REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION public.check_candidate_result_references();
CREATE TRIGGER candidates_keep_scored BEFORE DELETE OR UPDATE OF id ON public.candidates FOR EACH ROW EXECUTE FUNCTION public.refuse_change_of_scored_candidates();
CREATE TRIGGER decision_choices_append_only BEFORE DELETE OR UPDATE ON public.decision_choices FOR EACH ROW EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER decision_choices_no_truncate BEFORE TRUNCATE ON public.decision_choices FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER scoring_runs_append_only BEFORE DELETE OR UPDATE ON public.scoring_runs FOR EACH ROW EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER scoring_runs_no_truncate BEFORE TRUNCATE ON public.scoring_runs FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER selection_decisions_append_only BEFORE DELETE OR UPDATE ON public.selection_decisions FOR EACH ROW EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
CREATE TRIGGER selection_decisions_no_truncate BEFORE TRUNCATE ON public.selection_decisions FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_change_of_append_only_rows();
ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT fk_candidates_employees_employee_id FOREIGN KEY (employee_id) REFERENCES public.employees(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.candidates
    ADD CONSTRAINT fk_candidates_selections_selection_id FOREIGN KEY (selection_id) REFERENCES public.selections(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.competency_assessments
    ADD CONSTRAINT fk_competency_assessments_competencies_competency_code FOREIGN KEY (competency_code) REFERENCES public.competencies(code) ON DELETE RESTRICT;
ALTER TABLE ONLY public.competency_assessments
    ADD CONSTRAINT fk_competency_assessments_employees_employee_id FOREIGN KEY (employee_id) REFERENCES public.employees(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.competency_requirements
    ADD CONSTRAINT fk_competency_requirements_competencies_competency_code FOREIGN KEY (competency_code) REFERENCES public.competencies(code) ON DELETE RESTRICT;
ALTER TABLE ONLY public.competency_requirements
    ADD CONSTRAINT fk_competency_requirements_positions_position_id FOREIGN KEY (position_id) REFERENCES public.positions(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.decision_choices
    ADD CONSTRAINT fk_decision_choices_candidates_candidate_id FOREIGN KEY (candidate_id) REFERENCES public.candidates(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.decision_choices
    ADD CONSTRAINT fk_decision_choices_selection_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES public.selection_decisions(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.performance_ratings
    ADD CONSTRAINT fk_performance_ratings_employees_employee_id FOREIGN KEY (employee_id) REFERENCES public.employees(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.scoring_runs
    ADD CONSTRAINT fk_scoring_runs_selections_selection_id FOREIGN KEY (selection_id) REFERENCES public.selections(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.selection_decisions
    ADD CONSTRAINT fk_selection_decisions_scoring_runs_scoring_run_id FOREIGN KEY (scoring_run_id) REFERENCES public.scoring_runs(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.selection_decisions
    ADD CONSTRAINT fk_selection_decisions_selections_selection_id FOREIGN KEY (selection_id) REFERENCES public.selections(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.selections
    ADD CONSTRAINT fk_selections_positions_position_id FOREIGN KEY (position_id) REFERENCES public.positions(id) ON DELETE RESTRICT;
ALTER TABLE ONLY public.selections
    ADD CONSTRAINT fk_selections_scoring_policies_policy_version FOREIGN KEY (policy_version) REFERENCES public.scoring_policies(version) ON DELETE RESTRICT;
