namespace MeritApi.Application.Selections.Commands.EnrolCandidates;

/// <summary>
/// Holds a selection's row until the command's transaction ends, so that enrolments into one selection queue instead of
/// racing on its candidate counter: each then reads the counter its predecessor committed, and none answers 409.
/// </summary>
public interface ISelectionLock
{
    /// <summary>False when there is no such selection.</summary>
    Task<bool> LockAsync(Guid selectionId, CancellationToken cancellationToken);
}
