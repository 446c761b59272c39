using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees;

/// <summary>One employee's evidence for some competencies, as a scoring context's screen lets it count, and their post date.</summary>
public sealed record EmployeeEvidence(Guid EmployeeId, CandidateEvidence Evidence, DateOnly? InPositionSince);

public static class EmployeeEvidenceReader
{
    /// <summary>
    /// The evidence of each of <paramref name="ids"/> (all known employees) for the competencies of <paramref name="context"/>'s
    /// standard and the SKP years it counts, screened by it: three set-based queries for the whole group, in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<EmployeeEvidence>> ReadEvidenceAsync(this IApplicationDbContext db, IReadOnlyList<Guid> ids,
        ScoringContext context, CancellationToken cancellationToken)
    {
        var codes = context.Standard.Select(s => s.CompetencyCode).Distinct().ToList();
        var years = context.CountedYears.Select(y => y.Year).ToList();
        var employees = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Unit, e.Grade, e.CurrentPositionId, e.InPositionSince }).ToDictionaryAsync(e => e.Id, cancellationToken);
        // Newest first within a competency, as the screen expects.
        var assessments = (await db.CompetencyAssessments.AsNoTracking().Where(a => ids.Contains(a.EmployeeId) && codes.Contains(a.CompetencyCode))
                .OrderBy(a => a.EmployeeId).ThenBy(a => a.CompetencyCode).ThenByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => new { a.EmployeeId, a.CompetencyCode, a.Level, a.AssessedOn, a.Assessor }).ToListAsync(cancellationToken))
            .ToLookup(a => a.EmployeeId);
        var ratings = (await db.PerformanceRatings.AsNoTracking().Where(r => ids.Contains(r.EmployeeId) && years.Contains(r.Year))
            .Select(r => new { r.EmployeeId, r.Year, r.Rating }).ToListAsync(cancellationToken)).ToLookup(r => r.EmployeeId);

        return [.. ids.Select(id =>
        {
            var e = employees[id];
            var subject = new MappingSubject(id, e.Unit, e.Grade, e.CurrentPositionId,
                assessments[id].GroupBy(a => a.CompetencyCode).ToDictionary(g => g.Key,
                    g => (IReadOnlyList<AssessmentEvidence>)[.. g.Select(a => new AssessmentEvidence(a.Level, a.AssessedOn, a.Assessor))]),
                ratings[id].ToDictionary(r => r.Year, r => r.Rating));
            return new EmployeeEvidence(id, TalentMappingRun.EvidenceOf(subject, context), e.InPositionSince);
        })];
    }
}
