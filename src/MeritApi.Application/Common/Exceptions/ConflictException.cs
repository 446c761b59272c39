namespace MeritApi.Application.Common.Exceptions;

/// <summary>
/// The request is valid but collides with the current state (a duplicate, a concurrent change).
/// Maps to 409 with <see cref="Rule"/> as a stable machine-readable reason.
/// </summary>
public sealed class ConflictException(string rule, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Another request changed the same records at the same time: the loser of a race, which may retry.</summary>
    public const string ConcurrentUpdateRule = "concurrent-update";

    public string Rule { get; } = rule;
}
