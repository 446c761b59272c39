using System.Security.Cryptography;
using System.Text;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.TalentMapping;

/// <summary>Why an employee of the population has no box in a run.</summary>
public enum UnplacedReason
{
    NoCurrentPosition = 1,
    PositionWithoutStandard = 2,
    NoValidAssessment = 3,
    MissingPerformanceRating = 4,
}

public sealed record UnplacedDetail(UnplacedReason Reason, string Detail);

/// <summary>A position of the agency as a mapping run measures against it.</summary>
public sealed record MappingPosition(Guid Id, string Code, IReadOnlyList<(string CompetencyCode, int RequiredLevel)> Standard)
{
    public static MappingPosition Of(Position position) => new(position.Id, position.Code, position.StandardInCodeOrder());
}

/// <summary>
/// One employee of the population as a mapping run reads them: their unit, the position they hold (if any), the assessments
/// of every competency of its standard (newest first) and their SKP ratings. <see cref="CandidateEvidence"/> is built from
/// them under the run's screen.
/// </summary>
public sealed record MappingSubject(
    Guid EmployeeId,
    string Unit,
    Grade Grade,
    Guid? PositionId,
    IReadOnlyDictionary<string, IReadOnlyList<AssessmentEvidence>> AssessmentsNewestFirst,
    IReadOnlyDictionary<int, Employees.PerformanceRating> RatingsByYear);

/// <summary>One employee's place in a run: the figures, the box, and the sealed rationale that explains them.</summary>
public sealed record MappingPlacement(
    Guid MappingRunId,
    Guid EmployeeId,
    string Unit,
    Guid PositionId,
    string PositionCode,
    decimal Jpm,
    JpmBand JpmBand,
    decimal PerformanceScore,
    decimal Total,
    int TalentBox,
    bool InTalentPool,
    MappingRationale Rationale)
{
    public string Seal => Rationale.Seal!;
}

/// <summary>An employee of the population the run could not place, with every reason.</summary>
public sealed record MappingExclusion(Guid MappingRunId, Guid EmployeeId, string Unit, IReadOnlyList<UnplacedDetail> Reasons);

/// <summary>
/// A talent-mapping run (DESIGN §10, PermenPANRB 3/2020): every employee of a population — the agency, or some units — scored
/// against the standard of the position they hold, under a policy's weights, SKP years and validity rule but always with the
/// Mapping bands (optimal ≥ 90, fairly optimal ≥ 78), and placed on the nine-box with its follow-up; those who cannot be placed
/// are listed with why. Immutable once made: its placements are sealed one by one, and <see cref="ResultsDigest"/> fixes the
/// whole run (SPECIFICATION.md §10).
/// </summary>
public sealed class TalentMappingRun
{
    public const int MaxUnits = 100;

    private readonly List<MappingPlacement> _placements = [];
    private readonly List<MappingExclusion> _exclusions = [];
    private List<string> _units = [];

    private TalentMappingRun() { ResultsDigest = SealScheme = string.Empty; } // EF

    public Guid Id { get; private set; }

    /// <summary>The run's number, 1 for the agency's first.</summary>
    public int Sequence { get; private set; }
    public int PolicyVersion { get; private set; }

    /// <summary>The day assessments are judged valid on (the run's date unless asked otherwise).</summary>
    public DateOnly ReferenceDate { get; private set; }
    public int LatestPerformanceYear { get; private set; }

    /// <summary>The units mapped; empty for the whole agency.</summary>
    public IReadOnlyList<string> Units => _units;
    public DateTimeOffset MappedAt { get; private set; }
    public int PlacedCount { get; private set; }
    public int UnplacedCount { get; private set; }

    /// <summary>How many placements fall in boxes 7–9.</summary>
    public int TalentPoolCount { get; private set; }
    public string ResultsDigest { get; private set; }
    public string SealScheme { get; private set; }

    /// <summary>Only on a run just made (stored runs are read through queries, not loaded whole).</summary>
    public IReadOnlyList<MappingPlacement> Placements => _placements;
    public IReadOnlyList<MappingExclusion> Exclusions => _exclusions;

    /// <summary>The policy as a mapping run applies it: its own weights, years and validity rule, with the Mapping bands.</summary>
    public static ScoringPolicy MappingPolicyOf(ScoringPolicy policy) => new(policy.Version, policy.CompetenceWeight, policy.PerformanceWeight,
        policy.PerformanceYearWeights, JpmBandSet.Mapping, policy.MinimumRating, policy.Description, policy.CreatedAt, policy.NearTieThreshold,
        policy.AssessmentValidity);

    /// <summary>
    /// Maps a whole population held in memory (tests, the demo data): <see cref="Start"/> fed in id order, with the placements
    /// and exclusions kept on the run.
    /// </summary>
    public static TalentMappingRun Map(Guid id, int sequence, ScoringPolicy policy, DateOnly referenceDate, int latestPerformanceYear,
        IReadOnlyCollection<AccreditedBody> accredited, IReadOnlyList<string> units, IReadOnlyDictionary<Guid, MappingPosition> positions,
        IEnumerable<MappingSubject> population, DateTimeOffset mappedAt)
    {
        var mapping = Start(id, sequence, policy, referenceDate, latestPerformanceYear, accredited, units, positions, mappedAt);
        var outcomes = mapping.Add([.. population.OrderBy(s => s.EmployeeId.ToString(), StringComparer.Ordinal)]);
        var run = mapping.Finish();
        run._placements.AddRange(outcomes.Where(o => o.Placement is not null).Select(o => o.Placement!));
        run._exclusions.AddRange(outcomes.Where(o => o.Exclusion is not null).Select(o => o.Exclusion!));
        return run;
    }

    /// <summary>
    /// Starts a run that is fed its population in batches (<see cref="MappingInProgress.Add"/>), in ascending order of id, so
    /// that a national population never has to be held at once: each batch's placements can be stored before the next is read.
    /// </summary>
    public static MappingInProgress Start(Guid id, int sequence, ScoringPolicy policy, DateOnly referenceDate, int latestPerformanceYear,
        IReadOnlyCollection<AccreditedBody> accredited, IReadOnlyList<string> units, IReadOnlyDictionary<Guid, MappingPosition> positions,
        DateTimeOffset mappedAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var run = new TalentMappingRun
        {
            Id = id,
            Sequence = sequence,
            PolicyVersion = policy.Version,
            ReferenceDate = referenceDate,
            LatestPerformanceYear = latestPerformanceYear,
            _units = [.. units],
            MappedAt = mappedAt,
            SealScheme = MappingSeal.Scheme,
        };
        return new MappingInProgress(run, MappingPolicyOf(policy), positions, accredited);
    }

    /// <summary>What one employee of the population comes to: a placement, or an exclusion with its reasons.</summary>
    public readonly record struct MappingOutcome(MappingPlacement? Placement, MappingExclusion? Exclusion);

    /// <summary>A run being made: batches in, outcomes out (to be stored), counts and digest kept as they come.</summary>
    public sealed class MappingInProgress
    {
        private readonly TalentMappingRun _run;
        private readonly IReadOnlyDictionary<Guid, MappingPosition> _positions;
        private readonly Dictionary<Guid, ScoringContext> _contexts;
        private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private string? _lastId;

        internal MappingInProgress(TalentMappingRun run, ScoringPolicy mapping, IReadOnlyDictionary<Guid, MappingPosition> positions,
            IReadOnlyCollection<AccreditedBody> accredited)
        {
            _run = run;
            _positions = positions;
            // One context per position with a standard, made before any batch so that batches can be scored in parallel.
            _contexts = positions.Values.Where(p => p.Standard.Count > 0).ToDictionary(p => p.Id,
                p => ScoringContext.ForPolicy(mapping, p.Standard, null, run.LatestPerformanceYear, run.ReferenceDate, accredited));
        }

        public Guid RunId => _run.Id;

        /// <summary>
        /// Maps one batch (every id greater, as lower-case text, than any before it): scored and sealed in parallel, then
        /// counted and digested in order.
        /// </summary>
        public IReadOnlyList<MappingOutcome> Add(IReadOnlyList<MappingSubject> batch)
        {
            var outcomes = new MappingOutcome[batch.Count];
            Parallel.For(0, batch.Count, i => outcomes[i] = Evaluate(batch[i]));
            foreach (var outcome in outcomes)
            {
                var (employeeId, line) = outcome.Placement is { } p ? (p.EmployeeId, p.Seal)
                    : (outcome.Exclusion!.EmployeeId, "unplaced " + string.Join(',', outcome.Exclusion.Reasons.Select(r => r.Reason)));
                var id = employeeId.ToString();
                if (_lastId is not null && string.CompareOrdinal(id, _lastId) <= 0)
                    throw new ArgumentException("A population is mapped in ascending order of id, each employee once.", nameof(batch));
                _lastId = id;
                _digest.AppendData(Encoding.UTF8.GetBytes($"{id} {line}\n"));
                if (outcome.Placement is { } placement)
                {
                    _run.PlacedCount++;
                    if (placement.InTalentPool)
                        _run.TalentPoolCount++;
                }
                else
                {
                    _run.UnplacedCount++;
                }
            }
            return outcomes;
        }

        /// <summary>The run, its counts and its results digest final (placements and exclusions are with whoever stored them).</summary>
        public TalentMappingRun Finish()
        {
            _run.ResultsDigest = Convert.ToHexStringLower(_digest.GetHashAndReset());
            return _run;
        }

        private MappingOutcome Evaluate(MappingSubject subject)
        {
            if (subject.PositionId is not { } positionId || !_positions.TryGetValue(positionId, out var position))
                return new(null, new MappingExclusion(_run.Id, subject.EmployeeId, subject.Unit,
                    [new UnplacedDetail(UnplacedReason.NoCurrentPosition, "No position held is recorded: there is no standard to map against.")]));
            if (!_contexts.TryGetValue(positionId, out var context))
                return new(null, new MappingExclusion(_run.Id, subject.EmployeeId, subject.Unit,
                    [new UnplacedDetail(UnplacedReason.PositionWithoutStandard, $"The position held ({position.Code}) has no competency standard.")]));
            var evidence = EvidenceOf(subject, context);
            var reasons = new List<UnplacedDetail>();
            if (evidence.LatestAssessedLevels.Count == 0)
                reasons.Add(new UnplacedDetail(UnplacedReason.NoValidAssessment,
                    $"No competency of the standard of {position.Code} has a valid assessment on {_run.ReferenceDate:yyyy-MM-dd}."));
            foreach (var (year, _) in context.CountedYears)
                if (!subject.RatingsByYear.ContainsKey(year))
                    reasons.Add(new UnplacedDetail(UnplacedReason.MissingPerformanceRating, $"No SKP rating for {year}; the policy counts it."));
            return reasons.Count > 0
                ? new(null, new MappingExclusion(_run.Id, subject.EmployeeId, subject.Unit, reasons))
                : new(Place(_run.Id, context, position, subject.Unit, evidence), null);
        }
    }

    /// <summary>The employee's evidence under the run's screen: per competency, the latest assessment it lets count.</summary>
    public static CandidateEvidence EvidenceOf(MappingSubject subject, ScoringContext context)
    {
        var levels = new Dictionary<string, int>();
        var dates = new Dictionary<string, DateOnly>();
        var passedOver = new Dictionary<string, IReadOnlyList<PassedOverAssessment>>();
        foreach (var (code, _) in context.Standard)
        {
            if (!subject.AssessmentsNewestFirst.TryGetValue(code, out var assessments) || assessments.Count == 0)
                continue;
            if (context.Screen is not { } screen)
            {
                levels[code] = assessments[0].Level;
                continue;
            }
            var (counted, passed) = screen.LatestValid(assessments);
            if (counted is { } valid)
                (levels[code], dates[code]) = (valid.Level, valid.AssessedOn);
            if (passed.Count > 0)
                passedOver[code] = [.. passed.Select(p => new PassedOverAssessment(p.Assessment.Level, p.Assessment.AssessedOn, p.Assessment.Assessor,
                    p.Verdict.Refusal!.Value))];
        }
        return new CandidateEvidence(subject.EmployeeId, subject.Grade, levels, subject.RatingsByYear)
        {
            CountedAssessmentDates = context.Screen is null ? null : dates,
            PassedOver = context.Screen is null ? null : passedOver,
        };
    }

    /// <summary>Scores one employee and seals their rationale; also what verification rebuilds from a stored rationale.</summary>
    public static MappingPlacement Place(Guid runId, ScoringContext context, MappingPosition position, string unit, CandidateEvidence evidence)
    {
        var score = MeritScorer.Score(context, evidence);
        // The steps of a selection's rationale, built by the same code; a mapping has no rank, eligibility or candidate code.
        var steps = RationaleBuilder.StepsOf(context.Policy, null, context.Screen?.ReferenceDate, evidence.Grade, score.JobPersonMatch.Gaps,
            score.Performance.Years, score.JobPersonMatch.Percentage, score.Band, score.Performance.Score, score.MeritScore, score.TalentBox.Number);
        var rationale = new MappingRationale(runId, evidence.CandidateId, position.Id, position.Code, steps.Policy, steps.Evidence,
            steps.JobPersonMatch, steps.Band, steps.Performance, steps.Merit, steps.TalentBox, score.TalentBox.FollowUp, MappingSeal.Scheme);
        rationale = rationale with { Seal = MappingSeal.Compute(rationale) };
        return new MappingPlacement(runId, evidence.CandidateId, unit, position.Id, position.Code, score.JobPersonMatch.Percentage, score.Band,
            score.Performance.Score, score.MeritScore, score.TalentBox.Number, score.TalentBox.InTalentPool, rationale);
    }

    /// <summary>
    /// SHA-256 over one line per employee, ordered by id (lower-case hex UUID, ordinal): "&lt;id&gt; &lt;seal&gt;\n" for a placement,
    /// "&lt;id&gt; unplaced &lt;reason,reason…&gt;\n" for an exclusion (SPECIFICATION.md §10).
    /// </summary>
    public static string DigestOf(IEnumerable<(Guid EmployeeId, string Seal)> placements, IEnumerable<(Guid EmployeeId, IReadOnlyList<UnplacedDetail> Reasons)> exclusions)
    {
        var lines = placements.Select(p => (Id: p.EmployeeId.ToString(), Line: p.Seal))
            .Concat(exclusions.Select(e => (Id: e.EmployeeId.ToString(), Line: "unplaced " + string.Join(',', e.Reasons.Select(r => r.Reason)))))
            .OrderBy(l => l.Id, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (id, line) in lines)
            hash.AppendData(Encoding.UTF8.GetBytes($"{id} {line}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
