using System.Security.Cryptography;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Common;
using MeritApi.Domain.Selections;

namespace MeritApi.Domain.Decisions;

/// <summary>How far a chosen candidate stands from the top of the ranking (n = places).</summary>
public enum ChoiceStanding
{
    /// <summary>Within the top n: the merit choice, no reason needed.</summary>
    TopRanked = 1,

    /// <summary>
    /// Outside the top n but within the best 3n: lawful, as in open selection, but it needs a written reason and is listed
    /// for auditors. Not a merit deviation.
    /// </summary>
    ReasonedChoice = 2,

    /// <summary>Outside the best 3n: a merit deviation, with a justification, flagged and listed for auditors.</summary>
    MeritDeviation = 3,
}

/// <summary>One chosen candidate as the ranking stood when the committee decided.</summary>
public sealed class DecisionChoice
{
    private DecisionChoice() { CandidateCode = string.Empty; } // EF

    internal DecisionChoice(CandidateResult result, ChoiceStanding standing)
    {
        CandidateId = result.CandidateId;
        CandidateCode = result.CandidateCode;
        Rank = result.Rank!.Value;
        MeritScore = result.MeritScore;
        Standing = standing;
    }

    public Guid CandidateId { get; private set; }
    public string CandidateCode { get; private set; }
    public int Rank { get; private set; }
    public decimal MeritScore { get; private set; }
    public ChoiceStanding Standing { get; private set; }
}

/// <summary>
/// The selection committee's choice (keputusan panitia seleksi) from the scoring run it reviewed, with its justification.
/// As in open selection, the lawful choice for n places is among the best 3n eligible candidates: choosing one of them
/// outside the top n is a reasoned choice; choosing anyone outside the best 3n is a merit deviation. Both need a written
/// justification and are listed for auditors.
/// </summary>
public sealed class SelectionDecision
{
    public const int MinimumJustificationLength = 100;
    public const int JustificationMaxLength = 4000;

    private readonly List<DecisionChoice> _choices = [];

    private SelectionDecision() { DecidedBy = string.Empty; } // EF

    internal SelectionDecision(Guid id, Selection selection, ScoringRun run, IReadOnlyList<CandidateResult> chosen,
        string? justification, string decidedBy, DateTimeOffset decidedAt)
    {
        Id = id;
        SelectionId = selection.Id;
        ScoringRunId = run.Id;
        Places = selection.Places;
        Justification = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        DecidedBy = decidedBy;
        // The digest is taken now and recomputed from the stored row later: both must see the same instant.
        DecidedAt = Timestamps.ToStoredPrecision(decidedAt);

        foreach (var result in chosen)
        {
            if (!result.Eligible || result.Rank is not { } rank)
                throw new DomainException(Rules.IneligibleChoice,
                    $"Candidate {result.CandidateCode} is not eligible and cannot be chosen: {string.Join(" ", result.IneligibilityReasons.Select(r => r.Detail))}");
            var standing = StandingOf(rank, Places, selection.SuccessionPoolId is not null);
            if (standing != ChoiceStanding.TopRanked && (Justification?.Length ?? 0) < MinimumJustificationLength)
                throw new InvalidFieldException("justification", Rules.JustificationRequired,
                    $"Candidate {result.CandidateCode} is ranked {rank}, outside the top {Places}: choosing them needs a written justification " +
                    $"of at least {MinimumJustificationLength} characters, and is recorded as " +
                    (standing == ChoiceStanding.ReasonedChoice ? $"a reasoned choice (within the best {3 * Places})."
                        : selection.SuccessionPoolId is not null ? "a merit deviation (the selection is from a succession pool: the successor is the top of the ranking)."
                        : "a merit deviation."));
            _choices.Add(new DecisionChoice(result, standing));
        }
    }

    public Guid Id { get; private set; }
    public Guid SelectionId { get; private set; }
    public Guid ScoringRunId { get; private set; }
    public int Places { get; private set; }
    public string? Justification { get; private set; }
    public string DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public IReadOnlyList<DecisionChoice> Choices => _choices;

    /// <summary>
    /// hex SHA-256 of the decision's canonical document (specification §3.5, scheme <see cref="DigestScheme"/>): the audit
    /// entry of the decision carries it as its outcome digest, which binds the choice, its standings and its justification
    /// into the signed log.
    /// </summary>
    public string Digest() => Digest(Id, SelectionId, ScoringRunId, Places, Justification, DecidedBy, DecidedAt,
        [.. Choices.Select(c => (c.CandidateId, c.CandidateCode, c.Rank, c.MeritScore, c.Standing))]);

    public const string DigestScheme = "meritapi-decision-v1";

    /// <summary>The digest of a decision from its published parts (for verifiers holding only those).</summary>
    public static string Digest(Guid id, Guid selectionId, Guid scoringRunId, int places, string? justification, string decidedBy,
        DateTimeOffset decidedAt, IReadOnlyList<(Guid CandidateId, string CandidateCode, int Rank, decimal MeritScore, ChoiceStanding Standing)> choices)
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.Name("choices");
        w.StartArray();
        foreach (var c in choices.OrderBy(c => c.CandidateId.ToString(), StringComparer.Ordinal))
        {
            w.StartObject();
            w.Name("candidateCode");
            w.Text(c.CandidateCode);
            w.Name("candidateId");
            w.Text(c.CandidateId.ToString());
            w.Name("meritScore");
            w.Number(c.MeritScore);
            w.Name("rank");
            w.WholeNumber(c.Rank);
            w.Name("standing");
            w.Text(c.Standing.ToString());
            w.EndObject();
        }
        w.EndArray();
        w.Name("decidedAt");
        w.Text(Timestamps.CanonicalText(decidedAt));
        w.Name("decidedBy");
        w.Text(decidedBy);
        w.Name("id");
        w.Text(id.ToString());
        w.Name("justification");
        w.Text(justification);
        w.Name("places");
        w.WholeNumber(places);
        w.Name("scheme");
        w.Text(DigestScheme);
        w.Name("scoringRunId");
        w.Text(scoringRunId.ToString());
        w.Name("selectionId");
        w.Text(selectionId.ToString());
        w.EndObject();
        return Convert.ToHexStringLower(SHA256.HashData(w.Written));
    }

    /// <summary>
    /// Top n → merit choice; the rest of the best 3n → reasoned choice; beyond → merit deviation. From a succession pool the
    /// successor is the top of the ranking: anyone outside the top n is a merit deviation.
    /// </summary>
    public static ChoiceStanding StandingOf(int rank, int places, bool fromSuccessionPool = false) =>
        rank <= places ? ChoiceStanding.TopRanked
        : rank <= 3 * places && !fromSuccessionPool ? ChoiceStanding.ReasonedChoice
        : ChoiceStanding.MeritDeviation;
}
