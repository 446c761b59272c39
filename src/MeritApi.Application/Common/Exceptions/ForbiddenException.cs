namespace MeritApi.Application.Common.Exceptions;

/// <summary>The caller's role may not do this particular thing, though it may use the endpoint (maps to 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
