using MeritApi.Domain.AssessingBodies;

namespace MeritApi.Application.AssessingBodies;

public sealed record AccreditationDto(Guid Id, string Name, DateOnly AccreditedFrom, DateOnly? AccreditedUntil, DateTimeOffset RecordedAt)
{
    public static AccreditationDto From(Accreditation a) => new(a.Id, a.Name, a.AccreditedFrom, a.AccreditedUntil, a.RecordedAt);
}
