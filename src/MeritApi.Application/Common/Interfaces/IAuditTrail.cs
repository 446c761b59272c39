using MeritApi.Domain.Audit;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>Appends to the hash-chained audit trail inside the command's own transaction.</summary>
public interface IAuditTrail
{
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);
}

/// <summary>What a command handler reports for its audit entry: the records it touched, and an outcome digest.</summary>
public interface IAuditScope
{
    void Touch(params Guid[] ids);
    void RecordOutcome(string digest);
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
