using System.Security.Cryptography;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Transparency;
using MeritApi.Infrastructure.Configuration;

namespace MeritApi.Infrastructure.Transparency;

/// <summary>Where the audit log's checkpoints are signed from: <c>Transparency:Origin</c> and <c>Transparency:SigningKey</c>.</summary>
public sealed class TransparencyOptions
{
    public const string Section = "Transparency";

    /// <summary>The log's name in every checkpoint (a deployment's own, e.g. "MeritApi BKN production").</summary>
    public string Origin { get; set; } = "MeritApi";

    /// <summary>An ECDSA P-256 private key as PEM (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY").</summary>
    public string? SigningKey { get; set; }
}

/// <summary>The configured ECDSA P-256 key; refuses any other curve, or none.</summary>
internal sealed class LogSigningKey : ILogSigningKey, IDisposable
{
    private readonly ECDsa _privateKey;

    public LogSigningKey(TransparencyOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
            throw new InvalidConfigurationException(
                $"{TransparencyOptions.Section}:SigningKey is not configured: the audit log's checkpoints are signed with an ECDSA P-256 " +
                "private key (PEM) from configuration, never from the database. Generate one with " +
                "`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` and keep it secret.");
        if (string.IsNullOrWhiteSpace(options.Origin) || options.Origin.Any(char.IsControl))
            throw new InvalidConfigurationException($"{TransparencyOptions.Section}:Origin must be a single line of text.");
        _privateKey = ECDsa.Create();
        try
        {
            _privateKey.ImportFromPem(options.SigningKey);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            _privateKey.Dispose();
            throw new InvalidConfigurationException($"{TransparencyOptions.Section}:SigningKey is not an EC private key in PEM form.", ex);
        }
        if (_privateKey.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new InvalidConfigurationException($"{TransparencyOptions.Section}:SigningKey must be a P-256 key.");
        Origin = options.Origin;
        KeyId = SignedCheckpoint.KeyIdOf(_privateKey);
        PublicKeyPem = _privateKey.ExportSubjectPublicKeyInfoPem();
        PublicKey = ECDsa.Create();
        PublicKey.ImportFromPem(PublicKeyPem);
    }

    public string Origin { get; }
    public string KeyId { get; }
    public string PublicKeyPem { get; }
    public ECDsa PublicKey { get; }

    public SignedCheckpoint Sign(MerkleFrontier frontier, DateTimeOffset issuedAt) =>
        SignedCheckpoint.Sign(Origin, frontier, issuedAt, _privateKey);

    public void Dispose()
    {
        _privateKey.Dispose();
        PublicKey.Dispose();
    }
}
