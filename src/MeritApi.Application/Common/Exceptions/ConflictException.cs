using MeritApi.Domain.Common;

namespace MeritApi.Application.Common.Exceptions;

/// <summary>
/// The request is valid but collides with the current state (a duplicate, a concurrent change), or loses a race the
/// database decides (a unique constraint), answered as its <see cref="Rule"/> says (<see cref="Rules"/>).
/// </summary>
public sealed class ConflictException(Rule rule, string message, Exception? inner = null) : Exception(message, inner)
{
    public Rule Rule { get; } = rule;
}
