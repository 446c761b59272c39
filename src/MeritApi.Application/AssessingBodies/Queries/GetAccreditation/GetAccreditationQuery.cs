using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.AssessingBodies.Queries.GetAccreditation;

public sealed record GetAccreditationQuery(Guid Id) : IQuery<AccreditationDto>;

internal sealed class GetAccreditationQueryHandler(IApplicationDbContext db) : IQueryHandler<GetAccreditationQuery, AccreditationDto>
{
    public async ValueTask<AccreditationDto> Handle(GetAccreditationQuery query, CancellationToken cancellationToken) =>
        AccreditationDto.From(await db.Accreditations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
                              ?? throw new NotFoundException("Accreditation", query.Id));
}
