using System.Diagnostics;
using MeritApi.Application.Common;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Times the audit trail's append lock for one unit of work: granted in <see cref="AuditTrail"/>, released by the unit of
/// work's commit (a transaction-scoped advisory lock has no other release), recorded as
/// <see cref="ApplicationTelemetry.AuditLockHeld"/>. An attempt that fails is not recorded; the next one starts afresh.
/// </summary>
internal sealed class AuditLockTimer
{
    private long? _grantedAt;

    public void Granted() => _grantedAt = Stopwatch.GetTimestamp();

    public void Released()
    {
        if (_grantedAt is not { } grantedAt)
            return;
        _grantedAt = null;
        ApplicationTelemetry.AuditLockHeld.Record(Stopwatch.GetElapsedTime(grantedAt).TotalMilliseconds);
    }
}
