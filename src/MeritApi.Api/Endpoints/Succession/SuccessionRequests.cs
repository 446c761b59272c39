using FluentValidation;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Succession.Commands.FormSuccessionPool;
using MeritApi.Application.Succession.Commands.TakeSuccessionStep;
using MeritApi.Application.Succession.Queries.ListSuccessionPools;
using MeritApi.Domain.Succession;

namespace MeritApi.Api.Endpoints.Succession;

/// <summary>The body of <c>POST /api/v1/succession-pools</c>: the target and why; the mapping run defaults to the latest.</summary>
public sealed record FormSuccessionPoolRequest(Guid? TargetPositionId, SuccessionReason? Reason, DateOnly? VacantOn, Guid? MappingRunId)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static FormSuccessionPoolRequest Example => new(new Guid("0196a000-0000-7000-8000-0000000000a1"), SuccessionReason.FallingVacant,
        new DateOnly(2027, 7, 1), null);

    public FormSuccessionPoolCommand ToCommand() => new(TargetPositionId!.Value, Reason!.Value, VacantOn, MappingRunId);
}

internal sealed class FormSuccessionPoolRequestValidator : AbstractValidator<FormSuccessionPoolRequest>
{
    public FormSuccessionPoolRequestValidator()
    {
        RuleFor(r => r.TargetPositionId).NotNull().NotEqual(Guid.Empty).WithMessage("'targetPositionId' must be a position's id.");
        RuleFor(r => r.Reason).RequiredEnum();
        RuleFor(r => r.VacantOn).NotNull().When(r => r.Reason == SuccessionReason.FallingVacant)
            .WithMessage("'vacantOn' is required for a position falling vacant.");
        RuleFor(r => r.VacantOn).Null().When(r => r.Reason == SuccessionReason.Critical)
            .WithMessage("'vacantOn' belongs to a position falling vacant (reason FallingVacant).");
        RuleFor(r => r.VacantOn).Must(d => d is null || d.Value.Year <= 2100).WithMessage("'vacantOn' must be a day up to 2100.");
        RuleFor(r => r.MappingRunId).NotEqual(Guid.Empty).WithMessage("'mappingRunId' must be a talent-mapping run's id.");
    }
}

/// <summary>The body of a nomination: why this member is nominated.</summary>
public sealed record NominationRequest(string? Reason)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static NominationRequest Example => new("Kotak 9 pada pemetaan 2026; JPM 84 terhadap standar jabatan target.");

    public TakeSuccessionStepCommand ToCommand(Guid poolId, Guid employeeId) => new(poolId, employeeId, SuccessionStep.Nomination, true, Reason!.Trim());
}

internal sealed class NominationRequestValidator : AbstractValidator<NominationRequest>
{
    public NominationRequestValidator() => RuleFor(r => r.Reason).RequiredText(SuccessionMember.ReasonMaxLength);
}

/// <summary>The body of a verification or an approval: accepted or not, and why.</summary>
public sealed record SuccessionDecisionRequest(bool? Accepted, string? Reason)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static SuccessionDecisionRequest Example => new(true, "Data kinerja dan kompetensi telah diverifikasi terhadap dokumen sumber.");

    public TakeSuccessionStepCommand ToCommand(Guid poolId, Guid employeeId, SuccessionStep step) => new(poolId, employeeId, step, Accepted!.Value, Reason!.Trim());
}

internal sealed class SuccessionDecisionRequestValidator : AbstractValidator<SuccessionDecisionRequest>
{
    public SuccessionDecisionRequestValidator()
    {
        RuleFor(r => r.Accepted).NotNull().WithMessage("'accepted' is required: true or false.");
        RuleFor(r => r.Reason).RequiredText(SuccessionMember.ReasonMaxLength);
    }
}

/// <summary>The query of <c>GET /api/v1/succession-pools</c>.</summary>
public sealed record ListSuccessionPoolsRequest(Guid? TargetPositionId, int Page, int PageSize) : IQueryRequest<ListSuccessionPoolsRequest>
{
    public static ListSuccessionPoolsRequest Read(QueryReader query) => new(query.Id(nameof(TargetPositionId)), query.Page(), query.PageSize());

    public ListSuccessionPoolsQuery ToQuery() => new(TargetPositionId, Page, PageSize);
}
