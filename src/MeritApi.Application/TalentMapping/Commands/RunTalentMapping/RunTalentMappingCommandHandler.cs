using Mediator;
using MeritApi.Application.AssessingBodies;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.ScoringPolicies;
using MeritApi.Domain.Common;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Commands.RunTalentMapping;

internal sealed class RunTalentMappingCommandHandler(IApplicationDbContext db, IMappingPopulationReader population, IMappingRunWriter runs,
    TimeProvider clock, IAuditScope audit) : ICommandHandler<RunTalentMappingCommand, TalentMappingRunDto>
{
    public async ValueTask<TalentMappingRunDto> Handle(RunTalentMappingCommand command, CancellationToken cancellationToken)
    {
        var (policy, referenceDate, latestYear) = await JudgingBasis.ResolveAsync(db, clock, command.PolicyVersion, command.ReferenceDate,
            command.LatestPerformanceYear, cancellationToken);

        var units = command.Units.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (units.Count > 0)
        {
            var known = await db.Employees.AsNoTracking().Where(e => units.Contains(e.Unit)).Select(e => e.Unit).Distinct().ToListAsync(cancellationToken);
            var unknown = command.Units.Select((u, i) => (Unit: u.Trim(), i)).FirstOrDefault(u => !known.Contains(u.Unit));
            if (unknown.Unit is not null)
                throw RequestValidation.Failure($"units[{unknown.i}]", $"No employee is recorded in the unit '{unknown.Unit}'.");
        }

        var accredited = await db.AccreditedBodiesAsync(policy.AccreditedBodiesOnly, cancellationToken);
        var positions = (await db.Positions.AsNoTracking().Include(p => p.Standard).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, MappingPosition.Of);
        var sequence = (await db.TalentMappingRuns.MaxAsync(r => (int?)r.Sequence, cancellationToken) ?? 0) + 1;
        var countedYears = Enumerable.Range(0, policy.CountedYears).Select(i => latestYear - i).ToList();

        var mapping = TalentMappingRun.Start(Guid.CreateVersion7(), sequence, policy, referenceDate, latestYear, accredited, units, positions,
            clock.Now());
        // Batch by batch, each stage a span of its own (mapping.read, mapping.place, mapping.write): where a run's time goes.
        await using var batches = population.ReadAsync(units, countedYears, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await NextAsync(batches))
            await PlaceAndWriteAsync(mapping, batches.Current, cancellationToken);
        var run = mapping.Finish();
        if (run.PlacedCount + run.UnplacedCount == 0)
            throw new DomainException(Rules.EmptyPopulation, "There is no employee to map.");
        await runs.AddRunAsync(run, cancellationToken);
        audit.Touch(run.Id);
        audit.RecordOutcome(run.ResultsDigest);
        return TalentMappingRunDto.From(run);
    }

    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<IReadOnlyList<MappingSubject>> batches)
    {
        using var span = ApplicationTelemetry.Source.StartActivity("mapping.read");
        return await batches.MoveNextAsync();
    }

    /// <summary>A method of its own so that a batch's outcomes are let go once written, not kept while the next batch is read.</summary>
    private async Task PlaceAndWriteAsync(TalentMappingRun.MappingInProgress mapping, IReadOnlyList<MappingSubject> batch,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<TalentMappingRun.MappingOutcome> outcomes;
        using (ApplicationTelemetry.Source.StartActivity("mapping.place"))
            outcomes = mapping.Add(batch);
        using (ApplicationTelemetry.Source.StartActivity("mapping.write"))
            await runs.AddBatchAsync(outcomes, cancellationToken);
    }
}
