namespace MeritApi.Domain.Common;

/// <summary>
/// A request that would break a domain rule (e.g. enrolling into a decided selection).
/// Carries a stable, machine-readable <see cref="Rule"/> so clients can react without parsing text.
/// </summary>
public class DomainException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
