using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;

namespace MeritApi.Domain.Placement;

public sealed record PlanStandardLine(string CompetencyCode, int RequiredLevel);

/// <summary>One seat of a vacancy in the plan: who the plan puts there with their figures, or why nobody.</summary>
public sealed record PlanSeatLine(int Seat, Guid? EmployeeId, decimal? MeritScore, decimal? Jpm, JpmBand? Band, int? LatestRatingValue,
    string? UnfilledReason);

/// <summary>A candidate allowed at a vacancy but not placed anywhere by the plan, with their figures there and why.</summary>
public sealed record PlanAlternateLine(Guid EmployeeId, decimal MeritScore, decimal Jpm, JpmBand Band, int LatestRatingValue, string Why);

public sealed record PlanVacancyLine(Guid PositionId, string PositionCode, int Places, IReadOnlyList<PlanStandardLine> Standard, string? MinimumGrade,
    IReadOnlyList<PlanSeatLine> Seats, IReadOnlyList<PlanAlternateLine> Alternates);

/// <summary>The evidence a candidate was scored on (each assessment that counted, each counted SKP year) and their place.</summary>
public sealed record PlanCandidateLine(Guid EmployeeId, string Grade, DateOnly? InPositionSince, IReadOnlyList<PlanAssessmentLine> Assessments,
    IReadOnlyList<PlanRatingLine> Ratings, Guid? AssignedTo, IReadOnlyList<PlanRefusalLine> Refusals, string Outcome);

public sealed record PlanAssessmentLine(string CompetencyCode, int Level, DateOnly? AssessedOn);

public sealed record PlanRatingLine(int Year, PerformanceRating Rating);

/// <summary>One kind of refusal of a candidate, at how many of the plan's vacancies, with the first such vacancy's detail.</summary>
public sealed record PlanRefusalLine(PairRefusal Refusal, int Vacancies, string Example);

public sealed record PlanConflictLine(Guid EmployeeId, Guid PositionId, string Reason);

/// <summary>
/// A placement plan as published and sealed: what it was asked (the vacancies with their standards, the pool with the
/// evidence each was scored on, the declared conflicts, the policy, the day and the minimum band), what it answers (per seat
/// who, per vacancy the alternates, per candidate their place or why none) and the rules it followed. Everything an auditor
/// needs to re-run the plan without the server is in it; <see cref="Seal"/> is the SHA-256 of its canonical JSON without the
/// seal (scheme <see cref="PlacementPlan.SealScheme"/>, SPECIFICATION.md §11).
/// </summary>
public sealed record PlacementPlanDocument(
    Guid PlanId,
    int Sequence,
    RationalePolicy Policy,
    DateOnly ReferenceDate,
    int LatestPerformanceYear,
    JpmBand MinimumBand,
    string Objective,
    string YearsInPostRule,
    IReadOnlyList<PlanVacancyLine> Vacancies,
    IReadOnlyList<PlanCandidateLine> Candidates,
    IReadOnlyList<PlanConflictLine> Conflicts,
    int SeatCount,
    int FilledSeats,
    decimal TotalMerit,
    string SealScheme,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Seal = null);

/// <summary>
/// A placement plan (DESIGN §11): immutable once made, and sealed with its whole rationale. It can be rebuilt from its own
/// document (the evidence it records, the policy it names) by <see cref="Rebuild"/>, which is how verification shows that the
/// stored answer is the one the rules give.
/// </summary>
public sealed class PlacementPlan
{
    public const string SealScheme = "meritapi-placement-v1";
    public const int MaxAlternates = 5;
    public const int ConflictReasonMaxLength = 500;

    /// <summary>The plan's objective in words, with how far its tie rule went (DESIGN §4 applied to totals).</summary>
    public static string ObjectiveOf(TieBreak tieBreak) =>
        "The one-to-one assignment of candidates to seats with the highest total merit score; " + tieBreak switch
        {
            TieBreak.ThenJpmThenRating => "among equal totals the higher total JPM, then the higher total of latest-year SKP ratings",
            TieBreak.ThenJpm => "among equal totals the higher total JPM (the plan is too large for the solver to also weigh the ratings exactly)",
            _ => "(the plan is too large for the solver to weigh the tie rules exactly: equal totals are not told apart)",
        } + "; never a name or an id.";

    public static readonly string YearsInPostRule =
        $"In post for at least {PlacementPlanner.MinYearsInPost} and less than {PlacementPlanner.MaxYearsInPost} years on the reference date (PP 11/2017 Art. 190).";

    private PlacementPlan() { Document = null!; Seal = string.Empty; } // EF

    public Guid Id { get; private set; }
    public int Sequence { get; private set; }
    public int PolicyVersion { get; private set; }
    public DateOnly ReferenceDate { get; private set; }
    public JpmBand MinimumBand { get; private set; }
    public int VacancyCount { get; private set; }
    public int SeatCount { get; private set; }
    public int FilledSeats { get; private set; }
    public int CandidateCount { get; private set; }
    public decimal TotalMerit { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public PlacementPlanDocument Document { get; private set; }
    public string Seal { get; private set; }

    public static PlacementPlan Make(Guid id, int sequence, ScoringPolicy policy, DateOnly referenceDate, int latestPerformanceYear, JpmBand minimumBand,
        IReadOnlyList<Vacancy> vacancies, IReadOnlyList<PlacementCandidate> candidates, IReadOnlyList<ConflictOfInterest> conflicts,
        IAssignmentSolver solver, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (JpmBands.SetOf(minimumBand) != policy.BandSet)
            throw new InvalidFieldException("minimumBand", Rules.InvalidPlacementBand,
                $"Policy v{policy.Version} bands JPM by the {policy.BandSet} set: the minimum band must be one of its bands.");
        var outcome = PlacementPlanner.Plan(policy, referenceDate, latestPerformanceYear, minimumBand, vacancies, candidates, conflicts, solver);
        var document = DocumentOf(id, sequence, policy, referenceDate, latestPerformanceYear, minimumBand, vacancies, candidates, conflicts, outcome);
        return new PlacementPlan
        {
            Id = id,
            Sequence = sequence,
            PolicyVersion = policy.Version,
            ReferenceDate = referenceDate,
            MinimumBand = minimumBand,
            VacancyCount = vacancies.Count,
            SeatCount = document.SeatCount,
            FilledSeats = document.FilledSeats,
            CandidateCount = candidates.Count,
            TotalMerit = document.TotalMerit,
            CreatedAt = createdAt,
            Document = document,
            Seal = document.Seal!,
        };
    }

    /// <summary>The plan re-run from what its document records, under <paramref name="policy"/> (the one it names).</summary>
    public static PlacementPlanDocument Rebuild(PlacementPlanDocument document, ScoringPolicy policy, IAssignmentSolver solver)
    {
        var (vacancies, candidates, conflicts) = InputsOf(document);
        var outcome = PlacementPlanner.Plan(policy, document.ReferenceDate, document.LatestPerformanceYear, document.MinimumBand, vacancies, candidates,
            conflicts, solver);
        return DocumentOf(document.PlanId, document.Sequence, policy, document.ReferenceDate, document.LatestPerformanceYear, document.MinimumBand,
            vacancies, candidates, conflicts, outcome);
    }

    /// <summary>The vacancies, pool and conflicts as the document records them.</summary>
    public static (IReadOnlyList<Vacancy> Vacancies, IReadOnlyList<PlacementCandidate> Candidates, IReadOnlyList<ConflictOfInterest> Conflicts)
        InputsOf(PlacementPlanDocument document)
    {
        var vacancies = document.Vacancies.Select(v => new Vacancy(v.PositionId, v.PositionCode, v.Places,
            [.. v.Standard.Select(s => (s.CompetencyCode, s.RequiredLevel))], v.MinimumGrade is null ? null : Grade.Parse(v.MinimumGrade))).ToList();
        var dated = document.Policy.AssessmentValidityYears is not null;
        var candidates = document.Candidates.Select(c => new PlacementCandidate(c.EmployeeId,
            new CandidateEvidence(c.EmployeeId, Grade.Parse(c.Grade), c.Assessments.ToDictionary(a => a.CompetencyCode, a => a.Level),
                c.Ratings.ToDictionary(r => r.Year, r => r.Rating))
            {
                CountedAssessmentDates = dated ? c.Assessments.Where(a => a.AssessedOn is not null).ToDictionary(a => a.CompetencyCode, a => a.AssessedOn!.Value) : null,
            },
            c.InPositionSince)).ToList();
        var conflicts = document.Conflicts.Select(c => new ConflictOfInterest(c.EmployeeId, c.PositionId, c.Reason)).ToList();
        return (vacancies, candidates, conflicts);
    }

    public static string ComputeSeal(PlacementPlanDocument document)
    {
        if (document.SealScheme != SealScheme)
            throw new ArgumentException($"Unknown seal scheme '{document.SealScheme}'.", nameof(document));
        return Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Canonicalize(JsonSerializer.SerializeToElement(document with { Seal = null }, MappingSeal.Json))));
    }

    private static PlacementPlanDocument DocumentOf(Guid id, int sequence, ScoringPolicy policy, DateOnly referenceDate, int latestPerformanceYear,
        JpmBand minimumBand, IReadOnlyList<Vacancy> vacancies, IReadOnlyList<PlacementCandidate> candidates, IReadOnlyList<ConflictOfInterest> conflicts,
        PlacementOutcome outcome)
    {
        var assignedTo = outcome.Vacancies.SelectMany(v => v.Seats).Where(s => s.EmployeeId is not null)
            .ToDictionary(s => s.EmployeeId!.Value, s => s.PositionId);
        var codes = vacancies.SelectMany(v => v.Standard.Select(s => s.CompetencyCode)).ToHashSet(StringComparer.Ordinal);

        var vacancyLines = outcome.Vacancies.Select(v => new PlanVacancyLine(v.Vacancy.PositionId, v.Vacancy.PositionCode, v.Vacancy.Places,
            [.. v.Vacancy.Standard.Select(s => new PlanStandardLine(s.CompetencyCode, s.RequiredLevel))], v.Vacancy.MinimumGrade?.ToString(),
            [.. v.Seats.Select(s => s.Score is { } p
                ? new PlanSeatLine(s.Seat, s.EmployeeId, p.Score.MeritScore, p.Score.Jpm, p.Score.Band, LatestRatingOf(p), null)
                : new PlanSeatLine(s.Seat, null, null, null, null, null, s.UnfilledReason))],
            [.. v.Alternates.Take(MaxAlternates).Select(p => new PlanAlternateLine(p.EmployeeId, p.Score.MeritScore, p.Score.Jpm,
                p.Score.Band, LatestRatingOf(p),
                "Allowed here and placed nowhere: giving them a seat of this vacancy would lower the plan's total merit."))])).ToList();

        var pairsOf = outcome.Pairs.ToLookup(p => p.EmployeeId);
        var codeOf = vacancies.ToDictionary(v => v.PositionId, v => v.PositionCode);
        var candidateLines = candidates.Select(c =>
        {
            var pairs = pairsOf[c.EmployeeId].ToList();
            var refusals = pairs.SelectMany(p => p.Refusals.Select(r => (p.PositionId, r))).GroupBy(x => x.r.Refusal).OrderBy(g => g.Key)
                .Select(g => new PlanRefusalLine(g.Key, g.Select(x => x.PositionId).Distinct().Count(), $"{codeOf[g.First().PositionId]}: {g.First().r.Detail}"))
                .ToList();
            Guid? placed = assignedTo.TryGetValue(c.EmployeeId, out var position) ? position : null;
            var allowedAt = pairs.Count(p => p.Allowed);
            var outcomeText = placed is { } at
                ? $"Placed in {codeOf[at]}."
                : allowedAt == 0
                    ? "Not placed: refused at every vacancy (see refusals)."
                    : $"Not placed: allowed at {allowedAt} vacanc{(allowedAt == 1 ? "y" : "ies")}, whose seats go where the plan's total merit is higher.";
            return new PlanCandidateLine(c.EmployeeId, c.Evidence.Grade.ToString(), c.InPositionSince,
                [.. c.Evidence.LatestAssessedLevels.Where(l => codes.Contains(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => new PlanAssessmentLine(l.Key, l.Value,
                        c.Evidence.CountedAssessmentDates is { } dates && dates.TryGetValue(l.Key, out var on) ? on : null))],
                [.. c.Evidence.RatingsByYear.OrderByDescending(r => r.Key).Select(r => new PlanRatingLine(r.Key, r.Value))],
                placed, refusals, outcomeText);
        }).ToList();

        var steps = RationaleBuilder.PolicyOf(policy);
        var seats = vacancyLines.Sum(v => v.Seats.Count);
        var document = new PlacementPlanDocument(id, sequence, steps, referenceDate, latestPerformanceYear, minimumBand, ObjectiveOf(outcome.TieBreak), YearsInPostRule,
            vacancyLines, candidateLines,
            [.. conflicts.Select(c => new PlanConflictLine(c.EmployeeId, c.PositionId, c.Reason))],
            seats, vacancyLines.Sum(v => v.Seats.Count(s => s.EmployeeId is not null)), outcome.TotalMerit, SealScheme);
        return document with { Seal = ComputeSeal(document) };
    }

    private static int LatestRatingOf(PairScore pair) => (int?)pair.Score.LatestRating ?? 0;
}
