using MeritApi.Application.Common.Exceptions;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// What each unique constraint means to a client, for the race that gets past a handler's own check: the same stable
/// rule the handler's check gives (a client switches on it, so it must not depend on who won the race), and a sentence.
/// </summary>
internal static class UniqueConstraintMessages
{
    private const string ConcurrentUpdate = ConflictException.ConcurrentUpdateRule;

    private static readonly Dictionary<string, (string Rule, string Message)> Messages = new(StringComparer.Ordinal)
    {
        ["pk_competencies"] = ("duplicate-competency", "A competency with this code already exists."),
        ["ix_positions_code"] = ("duplicate-position", "A position with this code already exists."),
        ["ix_employees_nip"] = ("duplicate-nip", "An employee with this NIP is already registered."),
        [Configurations.CompetencyAssessmentConfiguration.SameAssessmentIndex] =
            ("duplicate-assessment", "This assessment (competency, level, date and assessor) is already recorded for the employee."),
        ["pk_performance_ratings"] = (ConcurrentUpdate, "This year's performance rating was recorded by another request at the same time; retry."),
        ["pk_scoring_policies"] = (ConcurrentUpdate, "Another scoring policy version was created at the same time; retry."),
        ["ix_candidates_selection_id_employee_id"] = ("already-enrolled", "The employee is already enrolled in this selection."),
        ["ix_candidates_selection_id_number"] = (ConcurrentUpdate, "Another enrolment into this selection happened at the same time; retry."),
        ["ix_scoring_runs_selection_id_sequence"] = (ConcurrentUpdate, "Another scoring run of this selection happened at the same time; retry."),
        ["ix_selection_decisions_selection_id"] = ("selection-decided", "The selection has already been decided."),
    };

    public static (string Rule, string Message) Describe(string? constraint) =>
        constraint is not null && Messages.TryGetValue(constraint, out var known)
            ? known
            : ("duplicate", "The request conflicts with an existing record.");
}
