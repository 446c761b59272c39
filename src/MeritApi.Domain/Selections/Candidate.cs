namespace MeritApi.Domain.Selections;

/// <summary>
/// An employee enrolled in a selection. Committees see the stable <see cref="Code"/> instead of a name
/// until they choose to reveal identities.
/// </summary>
public sealed class Candidate
{
    private Candidate() { Code = string.Empty; } // EF

    internal Candidate(Guid id, Guid selectionId, Guid employeeId, int number, DateTimeOffset enrolledAt)
    {
        Id = id;
        SelectionId = selectionId;
        EmployeeId = employeeId;
        Number = number;
        Code = CodeFor(number);
        EnrolledAt = enrolledAt;
    }

    public Guid Id { get; private set; }
    public Guid SelectionId { get; private set; }
    public Guid EmployeeId { get; private set; }

    /// <summary>Enrolment sequence within the selection (1, 2, …); never used for ordering results.</summary>
    public int Number { get; private set; }

    /// <summary>The blind candidate code, e.g. "C-00042", stable for the life of the selection.</summary>
    public string Code { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public static string CodeFor(int number) => $"C-{number:D5}";
}
