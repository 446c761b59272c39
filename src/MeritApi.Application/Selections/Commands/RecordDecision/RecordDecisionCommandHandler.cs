using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Commands.RecordDecision;

internal sealed class RecordDecisionCommandHandler(IApplicationDbContext db, TimeProvider clock, IRequestContext request, IAuditScope audit)
    : ICommandHandler<RecordDecisionCommand, DecisionDto>
{
    public async ValueTask<DecisionDto> Handle(RecordDecisionCommand command, CancellationToken cancellationToken)
    {
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == command.SelectionId, cancellationToken)
                        ?? throw new NotFoundException("Selection", command.SelectionId);
        var run = await db.ScoringRuns.AsNoTracking()
                      .FirstOrDefaultAsync(r => r.SelectionId == selection.Id && r.Id == command.ScoringRunId, cancellationToken)
                  ?? throw new NotFoundException("Scoring run", command.ScoringRunId,
                      $"Scoring run '{command.ScoringRunId}' is not a run of selection '{selection.Id}'.");

        var ids = command.CandidateIds;
        if (ids.Count > selection.Places)
            throw RequestValidation.Failure("candidateIds", $"The selection has {selection.Places} place(s); choose at most that many candidates.");
        var chosen = await db.CandidateResults.AsNoTracking()
            .Where(r => r.ScoringRunId == run.Id && ids.Contains(r.CandidateId)).ToListAsync(cancellationToken);
        var unknown = ids.Except(chosen.Select(c => c.CandidateId)).ToList();
        if (unknown.Count > 0)
            throw new NotFoundException("Candidate", string.Join(", ", unknown),
                $"Not candidates of the reviewed scoring run: {string.Join(", ", unknown)}.");

        var decision = selection.Decide(Guid.CreateVersion7(), run, chosen, command.Justification, request.Actor, clock.Now());
        db.Decisions.Add(decision);
        audit.Touch([selection.Id, decision.Id, run.Id, .. ids]);
        audit.RecordOutcome(decision.Digest());
        return DecisionDto.From(decision);
    }
}
