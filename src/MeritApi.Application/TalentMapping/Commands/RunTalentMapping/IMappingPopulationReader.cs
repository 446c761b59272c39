using MeritApi.Domain.TalentMapping;

namespace MeritApi.Application.TalentMapping.Commands.RunTalentMapping;

/// <summary>
/// Streams every employee of the population (the agency, or the given units) in batches, ordered by id, with the position
/// they hold, the assessments of each competency of its standard (newest first) and their SKP ratings of the counted years:
/// set-based queries per batch, never one per employee. A batch is handed on only once it is read whole, so the command's
/// connection is free to store it before the next one is read.
/// </summary>
public interface IMappingPopulationReader
{
    IAsyncEnumerable<IReadOnlyList<MappingSubject>> ReadAsync(IReadOnlyList<string> units, IReadOnlyList<int> countedYears, CancellationToken cancellationToken);
}
