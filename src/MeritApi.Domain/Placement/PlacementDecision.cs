using System.Security.Cryptography;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Common;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Placement;

/// <summary>One placement the PPK decided, and whether the plan proposed it.</summary>
public sealed record DecidedPlacement(Guid PositionId, Guid EmployeeId, bool InPlan);

/// <summary>A placement the plan proposed that the decision does not make.</summary>
public sealed record DepartedPlacement(Guid PositionId, int Seat, Guid EmployeeId);

/// <summary>
/// The PPK's decision on a placement plan (PP 11/2017 Art. 190: the PPK decides on the advice of the performance-assessment
/// team, which acts as the talent committee). It records every placement made; each one the plan proposed is followed, each
/// other one — and each proposal left out — is a departure. Any departure needs a written justification, and the decision is
/// flagged for auditors. No decision may place a candidate where the plan's conditions refuse them (eligibility, the
/// minimum band, the years-in-post window, a declared conflict of interest).
/// </summary>
public sealed class PlacementDecision
{
    // The same bar as a committee's choice outside the top n: one rule for a written justification.
    public const int MinimumJustificationLength = Decisions.SelectionDecision.MinimumJustificationLength;
    public const int JustificationMaxLength = Decisions.SelectionDecision.JustificationMaxLength;
    public const int DecidedByMaxLength = 200;
    public const string DigestScheme = "meritapi-placement-decision-v1";

    private PlacementDecision() { DecidedBy = Digest = string.Empty; Placements = []; Departed = []; } // EF

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public string DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public string? Justification { get; private set; }
    public IReadOnlyList<DecidedPlacement> Placements { get; private set; }

    /// <summary>The plan's proposals the decision does not make.</summary>
    public IReadOnlyList<DepartedPlacement> Departed { get; private set; }
    public int Followed { get; private set; }
    public int Departures { get; private set; }
    public bool HasDepartures => Departures > 0;
    public string Digest { get; private set; }

    public static PlacementDecision Decide(Guid id, PlacementPlan plan, ScoringPolicy policy, IReadOnlyList<(Guid PositionId, Guid EmployeeId)> placements,
        string? justification, string decidedBy, DateTimeOffset decidedAt)
    {
        var document = plan.Document;
        var (vacancies, candidates, conflicts) = PlacementPlan.InputsOf(document);
        var vacancyOf = vacancies.ToDictionary(v => v.PositionId);
        var candidateOf = candidates.ToDictionary(c => c.EmployeeId);
        var proposed = document.Vacancies.SelectMany(v => v.Seats.Where(s => s.EmployeeId is not null).Select(s => (v.PositionId, s.Seat, Employee: s.EmployeeId!.Value)))
            .ToList();
        var proposedPairs = proposed.Select(p => (p.PositionId, p.Employee)).ToHashSet();

        var seen = new HashSet<Guid>();
        var filled = new Dictionary<Guid, int>();
        var decided = new List<DecidedPlacement>();
        for (var i = 0; i < placements.Count; i++)
        {
            var (positionId, employeeId) = placements[i];
            if (!vacancyOf.TryGetValue(positionId, out var vacancy))
                throw new InvalidFieldException($"placements[{i}].positionId", Rules.PlacementOutsidePlan, $"Position {positionId} is not a vacancy of this plan.");
            if (!candidateOf.TryGetValue(employeeId, out var candidate))
                throw new InvalidFieldException($"placements[{i}].employeeId", Rules.PlacementOutsidePlan, $"Employee {employeeId} is not in this plan's pool.");
            if (!seen.Add(employeeId))
                throw new InvalidFieldException($"placements[{i}].employeeId", Rules.PlacementOutsidePlan, "An employee is placed once.");
            filled[positionId] = filled.GetValueOrDefault(positionId) + 1;
            if (filled[positionId] > vacancy.Places)
                throw new InvalidFieldException($"placements[{i}].positionId", Rules.PlacementOutsidePlan,
                    $"{vacancy.PositionCode} has {vacancy.Places} place(s).");
            var pair = PlacementPlanner.PairOf(policy, document.ReferenceDate, document.LatestPerformanceYear, document.MinimumBand, vacancy, candidate, conflicts);
            if (!pair.Allowed)
                throw new InvalidFieldException($"placements[{i}].employeeId", Rules.PlacementRefused,
                    $"The plan's conditions refuse this placement in {vacancy.PositionCode}: {string.Join(" ", pair.Refusals.Select(r => r.Detail))}");
            decided.Add(new DecidedPlacement(positionId, employeeId, proposedPairs.Contains((positionId, employeeId))));
        }

        var decidedPairs = decided.Select(d => (d.PositionId, d.EmployeeId)).ToHashSet();
        var departed = proposed.Where(p => !decidedPairs.Contains((p.PositionId, p.Employee))).Select(p => new DepartedPlacement(p.PositionId, p.Seat, p.Employee))
            .ToList();
        var departures = decided.Count(d => !d.InPlan) + departed.Count;
        var text = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        if (departures > 0 && (text?.Length ?? 0) < MinimumJustificationLength)
            throw new InvalidFieldException("justification", Rules.JustificationRequired,
                $"The decision departs from the plan {departures} time(s): it needs a written justification of at least {MinimumJustificationLength} characters, " +
                "and is flagged for auditors.");
        if (departures == 0 && text is not null)
            throw new InvalidFieldException("justification", Rules.JustificationNotNeeded,
                "The decision follows the plan exactly: there is no departure to justify.");

        var decision = new PlacementDecision
        {
            Id = id,
            PlanId = plan.Id,
            DecidedBy = Guard.NotBlank(decidedBy, nameof(decidedBy), DecidedByMaxLength),
            DecidedAt = Timestamps.ToStoredPrecision(decidedAt),
            Justification = text,
            Placements = decided,
            Departed = departed,
            Followed = decided.Count(d => d.InPlan),
            Departures = departures,
        };
        decision.Digest = decision.ComputeDigest(plan.Seal);
        return decision;
    }

    /// <summary>hex SHA-256 of the decision's canonical form, bound to the plan's seal; the audit entry carries it.</summary>
    public string ComputeDigest(string planSeal)
    {
        var w = new CanonicalJsonWriter();
        w.StartObject();
        w.Name("decidedAt");
        w.Text(Timestamps.CanonicalText(DecidedAt));
        w.Name("decidedBy");
        w.Text(DecidedBy);
        w.Name("departed");
        w.StartArray();
        foreach (var d in Departed.OrderBy(d => d.PositionId.ToString(), StringComparer.Ordinal).ThenBy(d => d.Seat))
        {
            w.StartObject();
            w.Name("employeeId");
            w.Text(d.EmployeeId.ToString());
            w.Name("positionId");
            w.Text(d.PositionId.ToString());
            w.Name("seat");
            w.WholeNumber(d.Seat);
            w.EndObject();
        }
        w.EndArray();
        w.Name("id");
        w.Text(Id.ToString());
        w.Name("justification");
        w.Text(Justification);
        w.Name("placements");
        w.StartArray();
        foreach (var p in Placements.OrderBy(p => p.PositionId.ToString(), StringComparer.Ordinal).ThenBy(p => p.EmployeeId.ToString(), StringComparer.Ordinal))
        {
            w.StartObject();
            w.Name("employeeId");
            w.Text(p.EmployeeId.ToString());
            w.Name("inPlan");
            w.Bool(p.InPlan);
            w.Name("positionId");
            w.Text(p.PositionId.ToString());
            w.EndObject();
        }
        w.EndArray();
        w.Name("planId");
        w.Text(PlanId.ToString());
        w.Name("planSeal");
        w.Text(planSeal);
        w.Name("scheme");
        w.Text(DigestScheme);
        w.EndObject();
        return Convert.ToHexStringLower(SHA256.HashData(w.Written));
    }
}
