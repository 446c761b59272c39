using MeritApi.Domain.TalentMapping;

namespace MeritApi.Application.TalentMapping.Commands.RunTalentMapping;

/// <summary>
/// Stores a run in bulk, in the command's transaction (whole or not at all): each batch's placements and exclusions as they
/// are made, then the run itself once its counts and digest are final.
/// </summary>
public interface IMappingRunWriter
{
    Task AddBatchAsync(IReadOnlyList<TalentMappingRun.MappingOutcome> outcomes, CancellationToken cancellationToken);

    Task AddRunAsync(TalentMappingRun run, CancellationToken cancellationToken);
}
