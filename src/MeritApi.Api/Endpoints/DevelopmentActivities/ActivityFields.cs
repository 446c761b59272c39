using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.DevelopmentActivities;
using MeritApi.Domain.Development;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.DevelopmentActivities;

/// <summary>A certificate as sent: its number, and the dates it is valid from and until (when it lapses).</summary>
public sealed record CertificateRequest(string? Number, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>The fields of one activity, as the single record and each import row send them.</summary>
public interface IActivityFields
{
    DevelopmentForm? Form { get; }
    string? Title { get; }
    string? Provider { get; }
    DateOnly? StartDate { get; }
    DateOnly? EndDate { get; }

    /// <summary>JP as recorded, in half JP; or <see cref="Minutes"/> of learning, converted (45 minutes a JP, rounded down to the half);
    /// both when they agree.</summary>
    decimal? Jp { get; }

    int? Minutes { get; }
    IReadOnlyList<string>? CompetencyCodes { get; }
    CertificateRequest? Certificate { get; }
}

internal static class ActivityFields
{
    /// <summary>Only after <see cref="IncludeActivityRules"/> has passed.</summary>
    public static ActivityInput ToInput(this IActivityFields f) => new(f.Form!.Value, f.Title!, f.Provider, f.StartDate!.Value, f.EndDate!.Value,
        f.Jp is { } jp ? JamPelajaran.Of(jp) : JamPelajaran.FromMinutes(f.Minutes!.Value), f.CompetencyCodes ?? [],
        f.Certificate is { } c ? new Certificate(c.Number!.Trim(), c.ValidFrom, c.ValidUntil) : null);

    public static void IncludeActivityRules<T>(this AbstractValidator<T> v, DateOnly today) where T : IActivityFields
    {
        v.RuleFor(a => a.Form).RequiredEnum();
        v.RuleFor(a => a.Title).RequiredText(DevelopmentActivity.TitleMaxLength);
        v.RuleFor(a => a.Provider).OptionalText(DevelopmentActivity.ProviderMaxLength);
        v.RuleFor(a => a.StartDate).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d!.Value.Year >= Employee.FirstRatingYear).WithMessage($"'startDate' must be in {Employee.FirstRatingYear} or later.");
        v.RuleFor(a => a.EndDate).Cascade(CascadeMode.Stop).NotNull()
            .Must(d => d!.Value <= today).WithMessage("'endDate' cannot be after today: an activity is recorded once it has ended.");
        v.RuleFor(a => a.EndDate).Must((a, end) => end >= a.StartDate).WithMessage("'endDate' cannot be before 'startDate'.")
            .When(a => a.StartDate is not null && a.EndDate is not null);
        v.RuleFor(a => a.Jp).Must((a, jp) => jp is not null || a.Minutes is not null)
            .WithMessage("Send 'jp' or 'minutes' (one JP is 45 minutes).");
        v.RuleFor(a => a.Minutes).Must((a, minutes) => JamPelajaran.FromMinutes(minutes!.Value).Value == a.Jp)
            .WithMessage("'minutes' and 'jp' disagree (45 minutes a JP, rounded down to the half); send one, or both alike.")
            .When(a => a.Jp is { } jp && jp > 0 && a.Minutes is >= JamPelajaran.MinutesPerJp / 2 + 1 and <= (int)DevelopmentActivity.MaxJp * JamPelajaran.MinutesPerJp);
        v.RuleFor(a => a.Jp).Cascade(CascadeMode.Stop).GreaterThan(0m).LessThanOrEqualTo(DevelopmentActivity.MaxJp)
            .Must(jp => jp!.Value * 2 == decimal.Truncate(jp.Value * 2)).WithMessage("'jp' is counted in half JP (e.g. 2, 19.5).")
            .When(a => a.Jp is not null);
        v.RuleFor(a => a.Minutes).InclusiveBetween(JamPelajaran.MinutesPerJp / 2 + 1, (int)DevelopmentActivity.MaxJp * JamPelajaran.MinutesPerJp);
        v.RuleFor(a => a.CompetencyCodes)
            .Must(c => c is null || c.Count <= DevelopmentActivity.MaxCompetencies)
            .WithMessage($"At most {DevelopmentActivity.MaxCompetencies} competencies per activity.")
            .Must(c => c is null || c.Distinct(StringComparer.Ordinal).Count() == c.Count).WithMessage("Each competency appears once.");
        v.RuleForEach(a => a.CompetencyCodes).ValidCompetencyCode();
        v.RuleFor(a => a.Certificate!.Number).RequiredText(DevelopmentActivity.CertificateNumberMaxLength).When(a => a.Certificate is not null)
            .OverridePropertyName("certificate.number");
        v.RuleFor(a => a.Certificate!.ValidUntil).Must((a, until) => until >= a.Certificate!.ValidFrom)
            .WithMessage("'certificate.validUntil' cannot be before 'certificate.validFrom'.")
            .When(a => a.Certificate is { ValidFrom: not null, ValidUntil: not null }).OverridePropertyName("certificate.validUntil");
        v.RuleFor(a => a.Certificate!.ValidFrom).Must(d => d!.Value.Year >= Employee.FirstRatingYear)
            .WithMessage($"'certificate.validFrom' must be in {Employee.FirstRatingYear} or later.")
            .When(a => a.Certificate?.ValidFrom is not null).OverridePropertyName("certificate.validFrom");
        v.RuleFor(a => a.Certificate!.ValidUntil).Must(d => d!.Value.Year <= today.Year + 100)
            .WithMessage("'certificate.validUntil' is too far in the future.")
            .When(a => a.Certificate?.ValidUntil is not null).OverridePropertyName("certificate.validUntil");
    }
}
