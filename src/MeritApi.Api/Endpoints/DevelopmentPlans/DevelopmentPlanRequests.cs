using FluentValidation;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.DevelopmentPlans.Commands.CreateDevelopmentPlan;
using MeritApi.Application.DevelopmentPlans.Commands.RecordPlanProgress;
using MeritApi.Application.DevelopmentPlans.Queries.ListDevelopmentPlans;
using MeritApi.Domain.Development;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.DevelopmentPlans;

/// <summary>The body of <c>POST /api/v1/employees/{id}/development-plans</c>.</summary>
public sealed record CreateDevelopmentPlanRequest(Guid? TargetPositionId, IReadOnlyList<PlanActionRequest>? Actions)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static CreateDevelopmentPlanRequest Example => new(new Guid("0196a000-0000-7000-8000-0000000000a1"),
        [new("M-CHANGE", DevelopmentForm.Coaching, "Coaching mengelola perubahan oleh atasan langsung", new DateOnly(2027, 3, 31))]);

    public CreateDevelopmentPlanCommand ToCommand(Guid employeeId) =>
        new(employeeId, TargetPositionId, [.. (Actions ?? []).Select(a => new PlanActionInput(a.CompetencyCode!, a.Form!.Value, a.Title!, a.TargetDate!.Value))]);
}

public sealed record PlanActionRequest(string? CompetencyCode, DevelopmentForm? Form, string? Title, DateOnly? TargetDate);

internal sealed class CreateDevelopmentPlanRequestValidator : AbstractValidator<CreateDevelopmentPlanRequest>
{
    public CreateDevelopmentPlanRequestValidator()
    {
        RuleFor(r => r.TargetPositionId).NotEqual(Guid.Empty).WithMessage("'targetPositionId' must be a position's id.");
        RuleFor(r => r.Actions).Must(a => a is null || a.Count <= IndividualDevelopmentPlan.MaxActions)
            .WithMessage($"A plan has at most {IndividualDevelopmentPlan.MaxActions} actions.");
        RuleForEach(r => r.Actions).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x.CompetencyCode).ValidCompetencyCode();
            a.RuleFor(x => x.Form).RequiredEnum();
            a.RuleFor(x => x.Title).RequiredText(PlanAction.TitleMaxLength);
            a.RuleFor(x => x.TargetDate).Cascade(CascadeMode.Stop).NotNull()
                .Must(d => d!.Value.Year is >= Employee.FirstRatingYear and <= 2100).WithMessage("'targetDate' must be a date between 2000 and 2100.");
        });
    }
}

/// <summary>The body of <c>POST /api/v1/development-plans/{planId}/actions/{actionId}/progress</c>.</summary>
public sealed record RecordPlanProgressRequest(PlanActionStatus? Status, Guid? ActivityId = null)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RecordPlanProgressRequest Example => new(PlanActionStatus.Completed, new Guid("0196a000-0000-7000-8000-0000000000b7"));

    public RecordPlanProgressCommand ToCommand(Guid planId, Guid actionId) => new(planId, actionId, Status!.Value, ActivityId);
}

internal sealed class RecordPlanProgressRequestValidator : AbstractValidator<RecordPlanProgressRequest>
{
    public RecordPlanProgressRequestValidator()
    {
        RuleFor(r => r.Status).RequiredEnum();
        RuleFor(r => r.ActivityId).NotEqual(Guid.Empty).WithMessage("'activityId' must be a development activity's id.");
    }
}

/// <summary>The query of <c>GET /api/v1/development-plans</c>.</summary>
public sealed record ListDevelopmentPlansRequest(string? Unit, Guid? EmployeeId, int Page, int PageSize) : IQueryRequest<ListDevelopmentPlansRequest>
{
    public static ListDevelopmentPlansRequest Read(QueryReader query) =>
        new(query.Text(nameof(Unit)), query.Id(nameof(EmployeeId)), query.Page(), query.PageSize());

    public ListDevelopmentPlansQuery ToQuery() => new(Unit, EmployeeId, Page, PageSize);
}
