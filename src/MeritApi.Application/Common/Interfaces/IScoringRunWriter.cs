using MeritApi.Domain.Selections;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// Stores a new scoring run with all its results in bulk, inside the command's transaction. A national selection can
/// hold 100,000 candidates; row-by-row inserts through the change tracker would dominate the run.
/// </summary>
public interface IScoringRunWriter
{
    Task AddAsync(ScoringRun run, CancellationToken cancellationToken);
}
