namespace MeritApi.Infrastructure.Configuration;

/// <summary>
/// The host cannot start as configured (a setting missing, malformed or unsafe where it runs). The process reports its
/// message on one line and exits, rather than ending in a stack trace.
/// </summary>
public sealed class InvalidConfigurationException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
