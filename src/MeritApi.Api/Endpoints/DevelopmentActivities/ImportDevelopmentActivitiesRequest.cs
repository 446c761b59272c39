using FluentValidation;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.DevelopmentActivities.Commands.ImportDevelopmentActivities;
using MeritApi.Domain.Development;

namespace MeritApi.Api.Endpoints.DevelopmentActivities;

/// <summary>The body of <c>POST /api/v1/development-activities/import</c>: up to <see cref="ImportDevelopmentActivitiesCommand.MaxRows"/> activities.</summary>
public sealed record ImportDevelopmentActivitiesRequest(IReadOnlyList<ActivityImportRow>? Activities)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static ImportDevelopmentActivitiesRequest Example => new([new("198503152010011002", DevelopmentForm.ELearning, "Literasi Digital ASN",
        "Kementerian PANRB", new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8), 20m, 900, ["T-ANALISIS-KEBIJAKAN"],
        new CertificateRequest("LD-2026/0077", new DateOnly(2026, 5, 8), null))]);

    public ImportDevelopmentActivitiesCommand ToCommand() =>
        new([.. Activities!.Select(r => new ActivityImport(Domain.Employees.Nip.Parse(r.Nip!), r.ToInput()))]);
}

/// <summary>One activity of an import, naming its employee by NIP.</summary>
public sealed record ActivityImportRow(string? Nip, DevelopmentForm? Form, string? Title, string? Provider, DateOnly? StartDate, DateOnly? EndDate,
    decimal? Jp = null, int? Minutes = null, IReadOnlyList<string>? CompetencyCodes = null, CertificateRequest? Certificate = null) : IActivityFields;

/// <summary>Validates every row, so one answer lists every bad row by index and field.</summary>
internal sealed class ImportDevelopmentActivitiesRequestValidator : AbstractValidator<ImportDevelopmentActivitiesRequest>
{
    public ImportDevelopmentActivitiesRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Activities).NotEmpty()
            .Must(rows => rows is null || rows.Count <= ImportDevelopmentActivitiesCommand.MaxRows)
            .WithMessage($"At most {ImportDevelopmentActivitiesCommand.MaxRows} activities per call; split the batch.");
        RuleForEach(r => r.Activities).NotNull().SetValidator(new RowValidator(clock));
    }

    private sealed class RowValidator : AbstractValidator<ActivityImportRow>
    {
        public RowValidator(TimeProvider clock)
        {
            RuleFor(r => r.Nip).ValidNip();
            this.IncludeActivityRules(clock.Today());
        }
    }
}
