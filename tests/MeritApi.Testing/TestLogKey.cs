using MeritApi.Infrastructure.Transparency;

namespace MeritApi.Testing;

/// <summary>The tests' own checkpoint signing key (ECDSA P-256), neither the development key nor any deployment's.</summary>
public static class TestLogKey
{
    public const string Origin = "MeritApi tests";

    public const string SigningKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgpSt0ridnyh4nk1M2
        Pba1yNPJSjEQHR68WfWxS+7DqwWhRANCAASMnMuluLCJVpeMcpfkoDYPhduypy5x
        xhOKu/0PR8QrHDERPxDlhGbGSUje5OMAuMZVeL+YSNoevS2NPeXnACnZ
        -----END PRIVATE KEY-----
        """;

    public static TransparencyOptions Options => new() { Origin = Origin, SigningKey = SigningKey };
}
