namespace MeritApi.Infrastructure.Persistence;

/// <summary>What each unique constraint means to a client, for the rare race that gets past a handler's own check.</summary>
internal static class UniqueConstraintMessages
{
    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["pk_competencies"] = "A competency with this code already exists.",
        ["ix_positions_code"] = "A position with this code already exists.",
        ["ix_employees_nip"] = "An employee with this NIP is already registered.",
        ["pk_performance_ratings"] = "This year's performance rating was recorded by another request at the same time.",
        ["pk_scoring_policies"] = "Another scoring policy version was created at the same time; retry.",
        ["ix_candidates_selection_id_employee_id"] = "The employee is already enrolled in this selection.",
        ["ix_candidates_selection_id_number"] = "Another enrolment into this selection happened at the same time; retry.",
        ["ix_scoring_runs_selection_id_sequence"] = "Another scoring run of this selection happened at the same time; retry.",
        ["ix_selection_decisions_selection_id"] = "The selection has already been decided.",
    };

    public static string Describe(string? constraint) =>
        constraint is not null && Messages.TryGetValue(constraint, out var message)
            ? message
            : "The request conflicts with an existing record.";
}
