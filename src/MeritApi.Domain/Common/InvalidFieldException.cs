namespace MeritApi.Domain.Common;

/// <summary>
/// A value the domain refuses for a reason only it can judge (a justification too short for the choice it justifies), as
/// a 400 naming the request's <see cref="DomainException.Field"/> and the <see cref="DomainException.Rule"/>. Anything
/// shape-like is the validators' job; an ArgumentException from the domain is a bug, and answers 500.
/// </summary>
public sealed class InvalidFieldException(string field, Rule rule, string message) : DomainException(rule, message, field);
