using System.Security.Claims;
using System.Text;
using MeritApi.Api.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MeritApi.Api.Tests;

/// <summary>Mints bearer tokens the test host accepts (and some it must refuse).</summary>
public static class TestTokens
{
    public const string Issuer = "meritapi-tests";
    public const string Audience = "meritapi";
    public const string SigningKey = "test-only signing key for the MeritApi integration tests, 256 bits+";

    /// <summary>
    /// A token for the given roles; committee tokens list the selections they may see. By default HS256, issued an hour
    /// before it expires (in 30 minutes), with a subject; each can be changed to mint a token the host must refuse.
    /// </summary>
    public static string Mint(IEnumerable<string> roles, IEnumerable<Guid>? selections = null, string? subject = null,
        string issuer = Issuer, string audience = Audience, string key = SigningKey, DateTime? expires = null,
        string algorithm = SecurityAlgorithms.HmacSha256, bool withSubject = true, TimeSpan? lifetime = null, bool withSignature = true)
    {
        var claims = new List<Claim>();
        if (withSubject)
            claims.Add(new("sub", subject ?? $"test-{string.Join('+', roles)}"));
        claims.AddRange(roles.Select(r => new Claim(Roles.RoleClaim, r)));
        claims.AddRange((selections ?? []).Select(s => new Claim(Roles.SelectionClaim, s.ToString())));
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var issued = expiry - (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            NotBefore = issued,
            IssuedAt = issued,
            Expires = expiry,
            SigningCredentials = withSignature ? new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm) : null,
        });
    }

    public static string Mint(string role, params Guid[] selections) => Mint([role], selections);
}
