namespace MeritApi.Application.Common.Interfaces;

/// <summary>Who is asking and which request this is, for the audit trail.</summary>
public interface IRequestContext
{
    string Actor { get; }
    string Role { get; }
    string RequestId { get; }

    /// <summary>Whether the caller holds the administrator role (which alone may approve exceptions to merit-only rules).</summary>
    bool IsAdministrator { get; }

    /// <summary>SHA-256 of the raw request body, when the command came over HTTP.</summary>
    string? BodyDigest { get; }
}

/// <summary>Commands sent from inside the process (seeding, tests) act as the system itself.</summary>
internal sealed class SystemRequestContext : IRequestContext
{
    public string Actor => "system";
    public string Role => "system";
    public string RequestId { get; } = Guid.CreateVersion7().ToString();
    public bool IsAdministrator => true;
    public string? BodyDigest => null;
}
