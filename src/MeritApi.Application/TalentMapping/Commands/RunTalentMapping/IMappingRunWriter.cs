using MeritApi.Domain.TalentMapping;

namespace MeritApi.Application.TalentMapping.Commands.RunTalentMapping;

/// <summary>Stores a run with its placements and exclusions in bulk, in the command's transaction: whole or not at all.</summary>
public interface IMappingRunWriter
{
    Task AddAsync(TalentMappingRun run, CancellationToken cancellationToken);
}
