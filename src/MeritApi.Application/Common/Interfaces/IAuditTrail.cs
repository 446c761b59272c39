using MeritApi.Domain.Audit;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>Appends to the hash-chained audit trail inside the command's own transaction.</summary>
public interface IAuditTrail
{
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>A command as the audit trail names it: each declares its name, which entries and their verification use.</summary>
public interface IAuditedCommand
{
    /// <summary>The command's name in the audit trail ("RunScoring"); never changes once entries carry it.</summary>
    static abstract string AuditName { get; }
}

/// <summary>
/// What a command handler reports for its audit entry (the records it touched, an outcome digest), and what the audit
/// behaviour reads back. Every command touches at least one record (<see cref="Domain.Audit.AuditIds"/> names those
/// without a GUID).
/// </summary>
public interface IAuditScope
{
    void Touch(params Guid[] ids);
    void RecordOutcome(string digest);

    IReadOnlyCollection<Guid> Touched { get; }
    string? OutcomeDigest { get; }

    /// <summary>Forgets an earlier attempt's records (a unit of work retried after a lost connection runs again).</summary>
    void Reset();
}

internal sealed class AuditScope : IAuditScope
{
    private readonly HashSet<Guid> _touched = [];

    public IReadOnlyCollection<Guid> Touched => _touched;
    public string? OutcomeDigest { get; private set; }

    public void Touch(params Guid[] ids) => _touched.UnionWith(ids);
    public void RecordOutcome(string digest) => OutcomeDigest = digest;

    public void Reset()
    {
        _touched.Clear();
        OutcomeDigest = null;
    }
}
