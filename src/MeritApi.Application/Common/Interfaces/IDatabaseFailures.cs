namespace MeritApi.Application.Common.Interfaces;

/// <summary>Recognises, among the persistence layer's own exceptions, those that mean "the database is unavailable".</summary>
public interface IDatabaseFailures
{
    bool IsUnavailable(Exception exception);
}
