namespace MeritApi.Domain.Common;

/// <summary>
/// A value the domain refuses for a reason only it can judge (a justification too short for the choice it justifies), as
/// a 400 naming the request's <see cref="Field"/> (its JSON name) and the <see cref="Rule"/>. Anything shape-like is the
/// validators' job; an ArgumentException from the domain is a bug, and answers 500.
/// </summary>
public sealed class InvalidFieldException(string field, string rule, string message) : Exception(message)
{
    public string Field { get; } = field;
    public string Rule { get; } = rule;
}
