using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Competencies.Commands.RegisterCompetency;
using MeritApi.Domain.Competencies;

namespace MeritApi.Api.Endpoints.Competencies;

/// <summary>The body of <c>POST /api/v1/competencies</c>; <see cref="Justification"/> only from an administrator.</summary>
public sealed record RegisterCompetencyRequest(string? Code, string? Name, CompetencyCategory? Category, string? Description,
    string? Justification = null)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RegisterCompetencyRequest Example => new("T-ANALISIS-KEBIJAKAN", "Analisis Kebijakan", CompetencyCategory.Technical, "Menyusun kajian dan rekomendasi kebijakan publik.");

    /// <summary>Only after <see cref="RegisterCompetencyRequestValidator"/> has passed.</summary>
    public RegisterCompetencyCommand ToCommand() => new(Code!, Name!, Category!.Value, Description, Justification);
}

internal sealed class RegisterCompetencyRequestValidator : AbstractValidator<RegisterCompetencyRequest>
{
    public RegisterCompetencyRequestValidator()
    {
        RuleFor(c => c.Code).ValidCompetencyCode();
        RuleFor(c => c.Name).RequiredText(Competency.NameMaxLength);
        RuleFor(c => c.Category).RequiredEnum();
        RuleFor(c => c.Description).OptionalText(Competency.DescriptionMaxLength);
        RuleFor(c => c.Justification).OptionalText(VocabularyJustification.MaxLength);
    }
}
