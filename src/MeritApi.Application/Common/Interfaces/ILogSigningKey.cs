using System.Security.Cryptography;
using MeritApi.Domain.Transparency;

namespace MeritApi.Application.Common.Interfaces;

/// <summary>
/// The key that signs the audit log's checkpoints. It comes from configuration and never reaches the database; auditors
/// get its public half (<see cref="PublicKeyPem"/>) and should keep it from a source other than this server.
/// </summary>
public interface ILogSigningKey
{
    /// <summary>The log's name, in every checkpoint.</summary>
    string Origin { get; }

    string KeyId { get; }

    /// <summary>The public key as a PEM "PUBLIC KEY" (SubjectPublicKeyInfo).</summary>
    string PublicKeyPem { get; }

    /// <summary>The public key, to verify checkpoints with.</summary>
    ECDsa PublicKey { get; }

    SignedCheckpoint Sign(MerkleFrontier frontier, DateTimeOffset issuedAt);
}
