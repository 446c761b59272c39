using System.Runtime.CompilerServices;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// The shortlist's reads as EF compiled queries: translated once per process, where a LINQ query is rebuilt as an
/// expression tree, its parameters extracted and looked up in the query cache on every request (about a sixth of the CPU
/// a shortlist request took). No tracking; the projection is the response's line.
/// </summary>
internal sealed class ShortlistReader(MeritDbContext db) : IShortlistReader
{
    public Task<ShortlistRun?> FindRunAsync(Guid selectionId, Guid? runId, int? top, CancellationToken cancellationToken) =>
        FindRun(db, selectionId, runId, top, cancellationToken);

    public async IAsyncEnumerable<ShortlistEntryDto> ReadAsync(Guid runId, int? top, bool includeIneligible, bool revealed, int skip,
        int take, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var r in Page(db, runId, top ?? int.MaxValue, includeIneligible, revealed, skip, take).WithCancellation(cancellationToken))
        {
            yield return new ShortlistEntryDto(r.Rank, r.CandidateId, r.CandidateCode, r.Nip?.Value, r.Name, r.Jpm, r.JpmBand,
                r.PerformanceScore, r.MeritScore, r.TalentBox, TalentBox.IsInTalentPool(r.TalentBox), r.Eligible, r.IneligibilityReasons,
                r.GapToNextRank, r.NearTie);
        }
    }

    /// <summary>
    /// A page line as the query reads it: the NIP as the value type it is mapped to, so that it is read by a scalar subquery
    /// like the name (reading its string inside the query made EF join a window over every employee instead).
    /// </summary>
    private sealed record PageRow(int? Rank, Guid CandidateId, string CandidateCode, Nip? Nip, string? Name, decimal Jpm, JpmBand JpmBand,
        decimal PerformanceScore, decimal MeritScore, int TalentBox, bool Eligible, IReadOnlyList<IneligibilityReason> IneligibilityReasons,
        decimal? GapToNextRank, bool NearTie);

    // The list's length comes with the run, so a page never needs a third round trip to count: the run row has its
    // counts, and only a top needs counting, a short range of the shortlist index (PostgreSQL runs the subquery of a
    // CASE only when its branch is taken).
    private static readonly Func<MeritDbContext, Guid, Guid?, int?, CancellationToken, Task<ShortlistRun?>> FindRun =
        EF.CompileAsyncQuery((MeritDbContext db, Guid selectionId, Guid? runId, int? top, CancellationToken _) =>
            db.ScoringRuns.AsNoTracking()
                .Where(r => r.SelectionId == selectionId && (runId == null || r.Id == runId))
                .OrderByDescending(r => r.Sequence)
                .Join(db.Selections, r => r.SelectionId, s => s.Id, (r, s) =>
                    new ShortlistRun(r.Id, r.Sequence, r.ScoredAt, r.PolicyVersion, s.Places, s.IdentitiesRevealedAt != null,
                        r.CandidateCount, r.EligibleCount,
                        top == null ? r.EligibleCount : db.CandidateResults.Count(c => c.ScoringRunId == r.Id && c.Rank <= top)))
                .FirstOrDefault());

    // "rank <= bound" is false for a NULL rank, so without includeIneligible only ranked candidates are listed; the
    // parameters are folded into the plan, which therefore bounds the index scan by the rank.
    private static readonly Func<MeritDbContext, Guid, int, bool, bool, int, int, IAsyncEnumerable<PageRow>> Page =
        EF.CompileAsyncQuery((MeritDbContext db, Guid runId, int rankBound, bool includeIneligible, bool revealed, int skip, int take) =>
            db.CandidateResults.AsNoTracking()
                .Where(r => r.ScoringRunId == runId && (r.Rank <= rankBound || (includeIneligible && r.Rank == null)))
                // Ranked first by rank (PostgreSQL sorts NULL ranks last), each rank and the unranked in list position
                // (merit, then code: see CandidateResult.ListPosition). This is the order of the (run, rank, list
                // position) index, so a page is a range scan of it.
                .OrderBy(r => r.Rank).ThenBy(r => r.ListPosition)
                .Skip(skip).Take(take)
                .Select(r => new PageRow(r.Rank, r.CandidateId, r.CandidateCode,
                    revealed ? db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => (Nip?)e.Nip).First() : null,
                    revealed ? db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Name).First() : null,
                    r.Jpm, r.JpmBand, r.PerformanceScore, r.MeritScore, r.TalentBox, r.Eligible, r.IneligibilityReasons, r.GapToNextRank,
                    r.NearTie)));
}
