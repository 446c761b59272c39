using FluentValidation;
using MeritApi.Application.Common;
using MeritApi.Application.DevelopmentActivities.Commands.RecordDevelopmentActivity;
using MeritApi.Domain.Development;

namespace MeritApi.Api.Endpoints.DevelopmentActivities;

/// <summary>The body of <c>POST /api/v1/employees/{id}/development-activities</c>; the employee comes from the route.</summary>
public sealed record RecordDevelopmentActivityRequest(DevelopmentForm? Form, string? Title, string? Provider, DateOnly? StartDate, DateOnly? EndDate,
    decimal? Jp = null, int? Minutes = null, IReadOnlyList<string>? CompetencyCodes = null, CertificateRequest? Certificate = null) : IActivityFields
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RecordDevelopmentActivityRequest Example => new(DevelopmentForm.Training, "Pelatihan Kepemimpinan Pengawas", "BPSDM Provinsi",
        new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), 40m, null, ["M-CHANGE", "M-DECISION"],
        new CertificateRequest("PKP-2026/0142", new DateOnly(2026, 3, 6), new DateOnly(2029, 3, 5)));

    public RecordDevelopmentActivityCommand ToCommand(Guid employeeId) => new(employeeId, this.ToInput());
}

internal sealed class RecordDevelopmentActivityRequestValidator : AbstractValidator<RecordDevelopmentActivityRequest>
{
    public RecordDevelopmentActivityRequestValidator(TimeProvider clock) => this.IncludeActivityRules(clock.Today());
}
