namespace MeritApi.Domain.Common;

/// <summary>
/// A request that would break a domain rule (e.g. enrolling into a decided selection). Carries the <see cref="Rule"/> from
/// <see cref="Rules"/>: its stable id, which clients switch on without parsing text, and how it is answered.
/// </summary>
public class DomainException(Rule rule, string message, string? field = null) : Exception(message)
{
    public Rule Rule { get; } = rule;

    /// <summary>The request field (its JSON name) the breach is about, where there is one.</summary>
    public string? Field { get; } = field;
}
