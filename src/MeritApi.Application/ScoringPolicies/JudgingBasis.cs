using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.ScoringPolicies;

/// <summary>What a mapping run or a placement plan is judged by: a policy, the day assessments are judged on, the latest SKP year.</summary>
public sealed record JudgingBasis(ScoringPolicy Policy, DateOnly ReferenceDate, int LatestPerformanceYear)
{
    /// <summary>
    /// The policy asked for (default the newest), the reference date (default today, never after it) and the latest counted
    /// SKP year (default the year before the reference date, never after its year).
    /// </summary>
    public static async Task<JudgingBasis> ResolveAsync(IApplicationDbContext db, TimeProvider clock, int? policyVersion, DateOnly? referenceDate,
        int? latestPerformanceYear, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var day = referenceDate ?? today;
        if (day > today)
            throw RequestValidation.Failure("referenceDate", "Judged on a day that has come: the reference date cannot be after today.");
        var latestYear = latestPerformanceYear ?? day.Year - 1;
        if (latestYear > day.Year)
            throw RequestValidation.Failure("latestPerformanceYear", "The latest counted SKP year cannot be after the reference date's year.");
        var policy = policyVersion is { } version
            ? await db.ScoringPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Version == version, cancellationToken)
              ?? throw new NotFoundException("Scoring policy", version)
            : await db.ScoringPolicies.AsNoTracking().OrderByDescending(p => p.Version).FirstAsync(cancellationToken);
        return new JudgingBasis(policy, day, latestYear);
    }
}
