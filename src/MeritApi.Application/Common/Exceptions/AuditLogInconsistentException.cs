namespace MeritApi.Application.Common.Exceptions;

/// <summary>
/// The audit log is shorter than, or differs from, what its latest signed checkpoint covers: someone with database access
/// removed or rewrote entries. Commands are refused (503) rather than appended to a log that was cut, until an operator
/// has investigated; auditors see why in the log's verification.
/// </summary>
public sealed class AuditLogInconsistentException(string message) : Exception(message);
