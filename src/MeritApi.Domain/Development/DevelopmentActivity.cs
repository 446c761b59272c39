using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;

namespace MeritApi.Domain.Development;

/// <summary>A certificate a development activity earned (sertifikat), and how long it is valid when it lapses.</summary>
public sealed record Certificate(string Number, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>
/// One completed development activity of an employee (PP 11/2017 Art. 203–212): its form, title, provider, dates, the JP it
/// earned, the competencies it addressed and the certificate it gave. It is evidence of development, never of competence: only
/// a later valid assessment shows that a gap closed.
/// </summary>
public sealed class DevelopmentActivity
{
    public const int TitleMaxLength = 300;
    public const int ProviderMaxLength = 200;
    public const int CertificateNumberMaxLength = 100;
    public const int MaxCompetencies = 20;

    /// <summary>More than a year of full-time study (8 JP a day) is not one activity but a mistake.</summary>
    public const decimal MaxJp = 2000m;

    private List<string> _competencyCodes = [];

    private DevelopmentActivity() { Title = string.Empty; } // EF

    public DevelopmentActivity(Guid id, Guid employeeId, DevelopmentForm form, string title, string? provider, DateOnly startDate, DateOnly endDate,
        JamPelajaran jp, IReadOnlyList<string> competencyCodes, Certificate? certificate, DateOnly today, DateTimeOffset recordedAt)
    {
        if (!Enum.IsDefined(form))
            throw new ArgumentOutOfRangeException(nameof(form));
        if (endDate < startDate)
            throw new InvalidFieldException("endDate", Rules.InvalidActivity, $"An activity cannot end ({endDate:yyyy-MM-dd}) before it starts ({startDate:yyyy-MM-dd}).");
        if (endDate > today)
            throw new InvalidFieldException("endDate", Rules.InvalidActivity, "A development activity is recorded once it has ended: its end date cannot be after today.");
        if (jp.Value > MaxJp)
            throw new InvalidFieldException("jp", Rules.InvalidActivity, $"One activity earns at most {MaxJp} JP.");
        if (competencyCodes.Count > MaxCompetencies || competencyCodes.Any(c => !Competency.IsValidCode(c)) || competencyCodes.Distinct().Count() != competencyCodes.Count)
            throw new ArgumentException("Competency codes must be valid and distinct.", nameof(competencyCodes));
        if (certificate is { ValidFrom: { } from, ValidUntil: { } until } && until < from)
            throw new InvalidFieldException("certificate.validUntil", Rules.InvalidActivity, "A certificate cannot lapse before it is valid.");

        Id = id;
        EmployeeId = employeeId;
        Form = form;
        Title = Guard.NotBlank(title, nameof(title), TitleMaxLength);
        Provider = string.IsNullOrWhiteSpace(provider) ? null : Guard.NotBlank(provider, nameof(provider), ProviderMaxLength);
        StartDate = startDate;
        EndDate = endDate;
        Jp = jp.Value;
        _competencyCodes = [.. competencyCodes.Order(StringComparer.Ordinal)];
        CertificateNumber = certificate is null ? null : Guard.NotBlank(certificate.Number, "certificate.number", CertificateNumberMaxLength);
        CertificateValidFrom = certificate?.ValidFrom;
        CertificateValidUntil = certificate?.ValidUntil;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid EmployeeId { get; private set; }
    public DevelopmentForm Form { get; private set; }
    public string Title { get; private set; }
    public string? Provider { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }

    /// <summary>The JP earned (jam pelajaran, 45 minutes each), in half JP.</summary>
    public decimal Jp { get; private set; }

    /// <summary>The competencies it addressed, ordered by code.</summary>
    public IReadOnlyList<string> CompetencyCodes => _competencyCodes;

    public string? CertificateNumber { get; private set; }
    public DateOnly? CertificateValidFrom { get; private set; }
    public DateOnly? CertificateValidUntil { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The year whose JP it counts towards: the year it ended (an activity across New Year counts once).</summary>
    public int CountsInYear => EndDate.Year;

    /// <summary>
    /// "The same activity": the same employee, form, title and dates. Sent again (a retry, a second sync) it adds nothing; the
    /// one definition, which the unique index ix_development_activities_same_activity mirrors for racing requests.
    /// </summary>
    public bool IsSameAs(Guid employeeId, DevelopmentForm form, string title, DateOnly startDate, DateOnly endDate) =>
        EmployeeId == employeeId && Form == form && Title == title.Trim() && StartDate == startDate && EndDate == endDate;
}
