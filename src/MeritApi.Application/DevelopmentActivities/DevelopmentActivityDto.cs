using MeritApi.Domain.Development;

namespace MeritApi.Application.DevelopmentActivities;

/// <summary>What an activity is, as a command carries it (the employee comes from the route or the row's NIP).</summary>
public sealed record ActivityInput(DevelopmentForm Form, string Title, string? Provider, DateOnly StartDate, DateOnly EndDate, JamPelajaran Jp,
    IReadOnlyList<string> CompetencyCodes, Certificate? Certificate)
{
    internal DevelopmentActivity ToActivity(Guid employeeId, DateOnly today, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), employeeId, Form, Title, Provider, StartDate, EndDate, Jp, CompetencyCodes, Certificate, today, now);
}

public sealed record CertificateDto(string Number, DateOnly? ValidFrom, DateOnly? ValidUntil);

public sealed record DevelopmentActivityDto(Guid Id, Guid EmployeeId, DevelopmentForm Form, bool Classical, string Title, string? Provider,
    DateOnly StartDate, DateOnly EndDate, decimal Jp, IReadOnlyList<string> CompetencyCodes, CertificateDto? Certificate, DateTimeOffset RecordedAt)
{
    public static DevelopmentActivityDto From(DevelopmentActivity a) => new(a.Id, a.EmployeeId, a.Form, a.Form.IsClassical(), a.Title, a.Provider,
        a.StartDate, a.EndDate, a.Jp, [.. a.CompetencyCodes],
        a.CertificateNumber is { } number ? new CertificateDto(number, a.CertificateValidFrom, a.CertificateValidUntil) : null, a.RecordedAt);
}
