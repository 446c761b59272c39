using MeritApi.Domain.Common;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// What each unique constraint means to a client, for the race that gets past a handler's own check: the same stable
/// rule the handler's check gives (a client switches on it, so it must not depend on who won the race), and a sentence.
/// </summary>
internal static class UniqueConstraintMessages
{
    private static readonly Dictionary<string, (Rule Rule, string Message)> Messages = new(StringComparer.Ordinal)
    {
        ["pk_competencies"] = (Rules.DuplicateCompetency, "A competency with this code already exists."),
        ["ix_development_activities_same_activity"] = (Rules.DuplicateActivity, "This development activity is already recorded for the employee."),
        ["ix_accreditations_body_start"] = (Rules.AccreditationOverlap, "This assessing body already has an accreditation starting on that day."),
        ["ix_positions_code"] = (Rules.DuplicatePosition, "A position with this code already exists."),
        ["ix_employees_nip"] = (Rules.DuplicateNip, "An employee with this NIP is already registered."),
        [Configurations.CompetencyAssessmentConfiguration.SameAssessmentIndex] =
            (Rules.DuplicateAssessment, "This assessment (competency, level, date and assessor) is already recorded for the employee."),
        ["pk_performance_ratings"] = (Rules.ConcurrentUpdate, "This year's performance rating was recorded by another request at the same time; retry."),
        ["pk_scoring_policies"] = (Rules.ConcurrentUpdate, "Another scoring policy version was created at the same time; retry."),
        ["ix_candidates_selection_id_employee_id"] = (Rules.AlreadyEnrolled, "The employee is already enrolled in this selection."),
        ["ix_candidates_selection_id_number"] = (Rules.ConcurrentUpdate, "Another enrolment into this selection happened at the same time; retry."),
        ["ix_scoring_runs_selection_id_sequence"] = (Rules.ConcurrentUpdate, "Another scoring run of this selection happened at the same time; retry."),
        ["ix_selection_decisions_selection_id"] = (Rules.SelectionDecided, "The selection has already been decided."),
    };

    public static (Rule Rule, string Message) Describe(string? constraint) =>
        constraint is not null && Messages.TryGetValue(constraint, out var known)
            ? known
            : (Rules.Duplicate, "The request conflicts with an existing record.");
}
