using Mediator;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Audit.Queries.GetSigningKey;

/// <summary>
/// The public key checkpoints are signed with. An auditor should take it once, from a channel other than this server (a
/// letter, the agency's website), and verify every checkpoint against that copy: a server that is not trusted could serve
/// another key.
/// </summary>
public sealed record GetSigningKeyQuery : IQuery<SigningKeyDto>;

public sealed record SigningKeyDto(string KeyId, string Algorithm, string Origin, string PublicKeyPem)
{
    public const string EcdsaP256 = "ECDSA P-256 with SHA-256, signature r||s (IEEE P1363)";

    public static SigningKeyDto From(ILogSigningKey key) => new(key.KeyId, EcdsaP256, key.Origin, key.PublicKeyPem);
}

internal sealed class GetSigningKeyQueryHandler(ILogSigningKey key) : IQueryHandler<GetSigningKeyQuery, SigningKeyDto>
{
    public ValueTask<SigningKeyDto> Handle(GetSigningKeyQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SigningKeyDto.From(key));
}
