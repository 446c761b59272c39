namespace MeritApi.Application.Common.Exceptions;

/// <summary>A resource named in the request does not exist. Maps to 404.</summary>
public sealed class NotFoundException(string resource, object key, string? message = null)
    : Exception(message ?? $"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
}
