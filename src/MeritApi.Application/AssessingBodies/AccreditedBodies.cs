using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.AssessingBodies;

internal static class AccreditedBodies
{
    /// <summary>
    /// The administrator's list as it stands now, when a rule asks for accredited bodies (else nothing is read): a run records
    /// each verdict it gave, so a later change of the list never changes a stored result.
    /// </summary>
    public static async Task<AccreditedBody[]> AccreditedBodiesAsync(this IApplicationDbContext db, bool accreditedBodiesOnly,
        CancellationToken cancellationToken) =>
        accreditedBodiesOnly ? [.. (await db.Accreditations.AsNoTracking().ToListAsync(cancellationToken)).Select(a => a.ToAccreditedBody())] : [];
}
