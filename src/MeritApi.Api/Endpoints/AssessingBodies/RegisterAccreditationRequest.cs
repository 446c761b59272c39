using FluentValidation;
using MeritApi.Application.AssessingBodies.Commands.RegisterAccreditation;
using MeritApi.Domain.AssessingBodies;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.AssessingBodies;

/// <summary>The body of <c>POST /api/v1/assessing-bodies</c>: one accreditation period of a body (a renewal is another).</summary>
public sealed record RegisterAccreditationRequest(string? Name, DateOnly? AccreditedFrom, DateOnly? AccreditedUntil = null)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RegisterAccreditationRequest Example => new("Pusat Penilaian Kompetensi ASN", new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31));

    /// <summary>Only after <see cref="RegisterAccreditationRequestValidator"/> has passed.</summary>
    public RegisterAccreditationCommand ToCommand() => new(Name!.Trim(), AccreditedFrom!.Value, AccreditedUntil);
}

internal sealed class RegisterAccreditationRequestValidator : AbstractValidator<RegisterAccreditationRequest>
{
    public RegisterAccreditationRequestValidator()
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(Accreditation.NameMaxLength)
            .Must(n => Accreditation.IsValidName(n!.Trim()))
            .WithMessage("'name' is letters, digits, spaces and . , ( ) & / ' -, beginning with a letter or a digit.");
        RuleFor(r => r.AccreditedFrom).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d!.Value.Year >= Employee.FirstRatingYear).WithMessage($"'accreditedFrom' must be in {Employee.FirstRatingYear} or later.");
        RuleFor(r => r.AccreditedUntil)
            .Must(d => d!.Value.Year <= Employee.FirstRatingYear + 100).WithMessage("'accreditedUntil' is too far in the future.")
            .When(r => r.AccreditedUntil is not null);
        RuleFor(r => r.AccreditedUntil)
            .Must((r, until) => until >= r.AccreditedFrom).WithMessage("'accreditedUntil' cannot be before 'accreditedFrom'.")
            .When(r => r.AccreditedUntil is not null && r.AccreditedFrom is not null);
    }
}
