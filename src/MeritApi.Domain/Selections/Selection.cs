using MeritApi.Domain.Common;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Selections;

/// <summary>
/// A vacancy for one position, filled by promotion or placement, scored under one policy version.
/// Candidates are separate rows (a national selection may enrol 100,000); the selection keeps the counters
/// that give each candidate its code and each scoring run its sequence number.
/// </summary>
public sealed class Selection
{
    public const int MaxPlaces = 1000;
    public const int ReferenceMaxLength = 100;

    private Selection() { } // EF

    public Selection(Guid id, Guid positionId, SelectionKind kind, int places, int policyVersion,
        int latestPerformanceYear, string? reference, DateTimeOffset openedAt, Guid? successionPoolId = null)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind));
        Id = id;
        PositionId = positionId;
        Kind = kind;
        Places = Guard.InRange(places, 1, MaxPlaces, nameof(places));
        PolicyVersion = policyVersion;
        LatestPerformanceYear = latestPerformanceYear;
        Reference = string.IsNullOrWhiteSpace(reference) ? null : Guard.NotBlank(reference, nameof(reference), ReferenceMaxLength);
        Status = SelectionStatus.Open;
        OpenedAt = openedAt;
        SuccessionPoolId = successionPoolId;
    }

    public Guid Id { get; private set; }
    public Guid PositionId { get; private set; }
    public SelectionKind Kind { get; private set; }
    public int Places { get; private set; }
    public int PolicyVersion { get; private set; }

    /// <summary>The latest SKP year counted; fixed at opening so that re-scoring later reads the same years.</summary>
    public int LatestPerformanceYear { get; private set; }

    /// <summary>The agency's own reference, e.g. the announcement number (nomor pengumuman).</summary>
    public string? Reference { get; private set; }

    public SelectionStatus Status { get; private set; }

    /// <summary>
    /// The succession pool the selection was opened from (DESIGN §10): its approved members are the candidates, and the lawful
    /// choice is the top of the ranking; anyone else is a merit deviation.
    /// </summary>
    public Guid? SuccessionPoolId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public int CandidateCount { get; private set; }

    /// <summary>When the committee lifted blind review (null while the shortlist is blind).</summary>
    public DateTimeOffset? IdentitiesRevealedAt { get; private set; }
    public int ScoringRunCount { get; private set; }

    /// <summary>The day the validity of assessments is judged on (DESIGN §3): the day the selection opened, in UTC as every
    /// evidence date is checked.</summary>
    public DateOnly ReferenceDate => DateOnly.FromDateTime(OpenedAt.UtcDateTime);

    /// <summary>The year before opening: the last year whose SKP is final when a selection opens.</summary>
    public static int DefaultLatestPerformanceYear(DateTimeOffset openedAt) => openedAt.UtcDateTime.Year - 1;

    public Candidate Enrol(Guid candidateId, Guid employeeId, DateTimeOffset enrolledAt)
    {
        EnsureNotDecided("enrol candidates");
        CandidateCount++;
        // A new candidate is not covered by the latest run, so the selection needs scoring again.
        Status = SelectionStatus.Open;
        return new Candidate(candidateId, Id, employeeId, CandidateCount, enrolledAt);
    }

    /// <summary>
    /// The one domain entry point from evidence to a finished, sealed run: every candidate scored from their own evidence
    /// (so the work spreads over the cores), ranked on the merit criteria, and the run recorded with its seals.
    /// </summary>
    public ScoringRun Score(Guid runId, DateTimeOffset scoredAt, ScoringContext context, IReadOnlyList<ScoringCandidate> candidates)
    {
        EnsureNotDecided("run scoring");
        var scores = new CandidateScore[candidates.Count];
        Parallel.For(0, scores.Length, i => scores[i] = MeritScorer.Score(context, candidates[i].Evidence));
        var ranks = Ranking.Rank(scores);
        var results = new CandidateResult[candidates.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var c = candidates[i];
            results[i] = new CandidateResult(c.CandidateId, c.EmployeeId, c.CandidateCode, c.Evidence.Grade, scores[i], ranks[i]);
        }
        return RecordScoringRun(runId, scoredAt, context.Policy, context.MinimumGrade, results);
    }

    public ScoringRun RecordScoringRun(Guid runId, DateTimeOffset scoredAt, ScoringPolicy policy, Grade? minimumGrade,
        IReadOnlyList<CandidateResult> results)
    {
        if (policy.Version != PolicyVersion)
            throw new ArgumentException($"The selection is scored under policy version {PolicyVersion}.", nameof(policy));
        EnsureNotDecided("run scoring");
        // What the results' validity verdicts were judged on, kept with the run (only a policy with a validity rule has any).
        DateOnly? referenceDate = policy.AssessmentValidityYears is null ? null : ReferenceDate;
        if (results.Count == 0)
            throw new DomainException(Rules.NoCandidates, "A selection needs at least one enrolled candidate before it can be scored.");
        if (results.Count != CandidateCount)
            throw new DomainException(Rules.IncompleteRun, "A scoring run must cover every enrolled candidate.");
        ScoringRunCount++;
        Status = SelectionStatus.Scored;
        return new ScoringRun(runId, Id, ScoringRunCount, Places, policy, minimumGrade, LatestPerformanceYear, referenceDate, scoredAt,
            results);
    }

    /// <summary>
    /// Records the committee's choice from the run it reviewed. That run must be the latest (so nobody can re-score
    /// between the committee's review and its decision) and still cover every candidate (no enrolment since); every
    /// chosen candidate must be in it and eligible; the selection is then closed.
    /// </summary>
    public Decisions.SelectionDecision Decide(Guid decisionId, ScoringRun reviewedRun, IReadOnlyList<CandidateResult> chosen,
        string? justification, string decidedBy, DateTimeOffset decidedAt)
    {
        EnsureNotDecided("record another decision");
        if (reviewedRun.SelectionId != Id)
            throw new ArgumentException("The reviewed scoring run belongs to another selection.", nameof(reviewedRun));
        if (reviewedRun.Sequence != ScoringRunCount)
            throw new DomainException(Rules.NewerRunExists,
                $"The committee reviewed scoring run {reviewedRun.Sequence}, but run {ScoringRunCount} is newer: review its shortlist " +
                "and decide on it.");
        if (Status != SelectionStatus.Scored)
            throw new DomainException(Rules.RescoreFirst,
                "Candidates were enrolled after the latest scoring run: run scoring again before deciding.");
        if (chosen.Count is 0 || chosen.Count > Places)
            throw new ArgumentException($"Choose between 1 and {Places} candidate(s) for {Places} place(s).", nameof(chosen));
        if (chosen.Any(c => c.ScoringRunId != reviewedRun.Id))
            throw new ArgumentException("Every chosen candidate must come from the reviewed scoring run.", nameof(chosen));

        var decision = new Decisions.SelectionDecision(decisionId, this, reviewedRun, chosen, justification, decidedBy, decidedAt);
        Status = SelectionStatus.Decided;
        return decision;
    }

    /// <summary>
    /// Lifts blind review: names appear beside candidate codes. Only once a ranking exists, so that identities can
    /// no longer influence it; revealing again changes nothing.
    /// </summary>
    public void RevealIdentities(DateTimeOffset revealedAt)
    {
        if (ScoringRunCount == 0)
            throw new DomainException(Rules.NotScored, "Identities can be revealed only once the selection has been scored.");
        IdentitiesRevealedAt ??= revealedAt;
    }

    private void EnsureNotDecided(string action)
    {
        if (Status == SelectionStatus.Decided)
            throw new DomainException(Rules.SelectionDecided, $"The selection has been decided; it is closed: cannot {action}.");
    }
}
