namespace MeritApi.Domain.Employees;

/// <summary>The SKP rating of one calendar year. An employee has at most one per year.</summary>
public sealed class AnnualPerformanceRating
{
    private AnnualPerformanceRating() { } // EF

    internal AnnualPerformanceRating(Guid employeeId, int year, PerformanceRating rating, DateTimeOffset recordedAt)
    {
        EmployeeId = employeeId;
        Year = year;
        Rating = rating;
        RecordedAt = recordedAt;
    }

    public Guid EmployeeId { get; private set; }
    public int Year { get; private set; }
    public PerformanceRating Rating { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Correct(PerformanceRating rating, DateTimeOffset recordedAt)
    {
        Rating = rating;
        RecordedAt = recordedAt;
    }
}
