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

    /// <summary>A token for the given roles; committee tokens list the selections they may see.</summary>
    public static string Mint(IEnumerable<string> roles, IEnumerable<Guid>? selections = null, string? subject = null,
        string issuer = Issuer, string audience = Audience, string key = SigningKey, DateTime? expires = null)
    {
        var claims = new List<Claim> { new("sub", subject ?? $"test-{string.Join('+', roles)}") };
        claims.AddRange(roles.Select(r => new Claim(Roles.RoleClaim, r)));
        claims.AddRange((selections ?? []).Select(s => new Claim(Roles.SelectionClaim, s.ToString())));
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Mint(string role, params Guid[] selections) => Mint([role], selections);
}
