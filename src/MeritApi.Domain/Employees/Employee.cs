using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.Positions;

namespace MeritApi.Domain.Employees;

/// <summary>
/// A civil servant (pegawai ASN) and their merit evidence. The model has, on purpose, no field for any
/// non-merit attribute (religion, ethnicity, gender, age, origin, politics, kinship, …).
/// </summary>
public sealed class Employee
{
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 200;
    public const int FirstRatingYear = 2000;

    private readonly List<CompetencyAssessment> _assessments = [];
    private readonly List<AnnualPerformanceRating> _ratings = [];

    private Employee() { Name = Unit = string.Empty; } // EF

    public Employee(Guid id, Nip nip, string name, Grade grade, string unit)
    {
        Id = id;
        Nip = nip;
        Name = Guard.NotBlank(name, nameof(name), NameMaxLength);
        Grade = grade;
        Unit = Guard.NotBlank(unit, nameof(unit), UnitMaxLength);
    }

    public Guid Id { get; private set; }
    public Nip Nip { get; private set; }
    public string Name { get; private set; }
    public Grade Grade { get; private set; }

    /// <summary>The organisational unit (unit kerja) the employee works in.</summary>
    public string Unit { get; private set; }

    public IReadOnlyList<CompetencyAssessment> Assessments => _assessments;
    public IReadOnlyList<AnnualPerformanceRating> PerformanceRatings => _ratings;

    /// <summary>
    /// Counts the changes to the profile and the evidence. Evidence lives in rows of its own, so without it a new rating
    /// would leave the employee's row, and with it the row version a client's If-Match names, as it was.
    /// </summary>
    public int Revision { get; private set; }

    /// <summary>The registered position the employee holds (jabatan), when the HR system says; the standard their own
    /// development needs are measured against.</summary>
    public Guid? CurrentPositionId { get; private set; }

    /// <summary>The day the employee took up <see cref="CurrentPositionId"/>, when known (years in post).</summary>
    public DateOnly? InPositionSince { get; private set; }

    /// <summary>PNS or PPPK, when the HR system says (the development-hours rule that applies; nothing else depends on it).</summary>
    public EmploymentType? EmploymentType { get; private set; }

    /// <summary>Records the kind of appointment; true when that changed.</summary>
    public bool SetEmploymentType(EmploymentType type)
    {
        if (!Enum.IsDefined(type))
            throw new ArgumentOutOfRangeException(nameof(type));
        if (EmploymentType == type)
            return false;
        EmploymentType = type;
        Revision++;
        return true;
    }

    /// <summary>Records the position the employee holds and since when; true when that changed.</summary>
    public bool AssignPosition(PositionHeld held, DateOnly today)
    {
        if (held.Since > today)
            throw new DomainException(Rules.PositionStartInFuture, "The date a position was taken up cannot be after today.");
        if (CurrentPositionId == held.PositionId && InPositionSince == held.Since)
            return false;
        (CurrentPositionId, InPositionSince) = (held.PositionId, held.Since);
        Revision++;
        return true;
    }

    public void UpdateProfile(string name, Grade grade, string unit)
    {
        name = Guard.NotBlank(name, nameof(name), NameMaxLength);
        unit = Guard.NotBlank(unit, nameof(unit), UnitMaxLength);
        if (name == Name && grade == Grade && unit == Unit)
            return;
        (Name, Grade, Unit) = (name, grade, unit);
        Revision++;
    }

    public CompetencyAssessment RecordAssessment(Guid assessmentId, string competencyCode, int level, DateOnly assessedOn,
        string assessor, DateTimeOffset recordedAt)
    {
        if (!Competency.IsValidCode(competencyCode))
            throw new ArgumentException($"'{competencyCode}' is not a valid competency code.", nameof(competencyCode));
        if (assessedOn > DateOnly.FromDateTime(recordedAt.UtcDateTime))
            throw new DomainException(Rules.AssessmentInFuture, "An assessment cannot be dated after the day it is recorded.");
        var assessment = new CompetencyAssessment(assessmentId, Id, competencyCode, level, assessedOn, assessor, recordedAt);
        _assessments.Add(assessment);
        Revision++;
        return assessment;
    }

    /// <summary>
    /// Records the SKP rating of a year; recording a year again corrects it (the HR system is the source of
    /// truth, and scoring runs keep the values they read, so earlier results stay explainable).
    /// </summary>
    /// <returns>True when something changed.</returns>
    public bool RecordPerformanceRating(int year, PerformanceRating rating, DateTimeOffset recordedAt)
    {
        if (!Enum.IsDefined(rating))
            throw new ArgumentOutOfRangeException(nameof(rating));
        if (year < FirstRatingYear || year > recordedAt.UtcDateTime.Year)
            throw new DomainException(Rules.RatingYearOutOfRange,
                $"A performance rating year must be between {FirstRatingYear} and the current year.");

        var existing = _ratings.Find(r => r.Year == year);
        if (existing is null)
        {
            _ratings.Add(new AnnualPerformanceRating(Id, year, rating, recordedAt));
            Revision++;
            return true;
        }
        if (existing.Rating == rating)
            return false;
        existing.Correct(rating, recordedAt);
        Revision++;
        return true;
    }
}
