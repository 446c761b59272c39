using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries;

/// <summary>Finds the run a result query reads: the one asked for, or the selection's latest.</summary>
internal static class RunLookup
{
    public static async Task<ScoringRun> FindRunAsync(this IApplicationDbContext db, Guid selectionId, Guid? runId,
        CancellationToken cancellationToken)
    {
        if (!await db.Selections.AnyAsync(s => s.Id == selectionId, cancellationToken))
            throw new NotFoundException("Selection", selectionId);
        var runs = db.ScoringRuns.AsNoTracking().Where(r => r.SelectionId == selectionId);
        var run = runId is { } id
            ? await runs.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            : await runs.OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken);
        return run ?? throw RunNotFound(selectionId, runId);
    }

    public static NotFoundException RunNotFound(Guid selectionId, Guid? runId) => runId is { } id
        ? new NotFoundException("Scoring run", id)
        : new NotFoundException("Scoring run", "latest", $"Selection '{selectionId}' has not been scored yet.");
}
