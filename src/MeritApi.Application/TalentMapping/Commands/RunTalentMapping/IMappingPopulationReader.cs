using MeritApi.Domain.TalentMapping;

namespace MeritApi.Application.TalentMapping.Commands.RunTalentMapping;

/// <summary>
/// Streams every employee of the population (the agency, or the given units), ordered by id, with the position they hold, the
/// assessments of each competency of its standard (newest first) and their SKP ratings of the counted years: set-based
/// queries, never one per employee.
/// </summary>
public interface IMappingPopulationReader
{
    IAsyncEnumerable<MappingSubject> ReadAsync(IReadOnlyList<string> units, IReadOnlyList<int> countedYears, CancellationToken cancellationToken);
}
