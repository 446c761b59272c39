-- The signed checkpoints of the audit log are append-only like the log itself (refuse_change_of_append_only_rows is
-- installed by append_only.sql): a checkpoint once stored is what auditors may already hold.
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_rows();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_rows();
