using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace MeritApi.Api.Security;

/// <summary>Bearer tokens (JWT) validated against the configured issuer, audience and key (or an OIDC authority).</summary>
public static class AuthenticationSetup
{
    public sealed class AuthOptions
    {
        public const string Section = "Auth";

        public string Issuer { get; set; } = string.Empty;
        public string Audience { get; set; } = string.Empty;

        /// <summary>HMAC-SHA256 key (at least 32 bytes), used when no <see cref="Authority"/> is configured.</summary>
        public string? SigningKey { get; set; }

        /// <summary>An OpenID Connect authority whose published keys sign the tokens (production).</summary>
        public string? Authority { get; set; }
    }

    public const int MinimumKeyBytes = 32;

    public static IServiceCollection AddMeritAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(auth.Issuer) || string.IsNullOrWhiteSpace(auth.Audience))
            throw new InvalidOperationException("Auth:Issuer and Auth:Audience must be configured.");
        if (auth.Authority is null && Encoding.UTF8.GetByteCount(auth.SigningKey ?? string.Empty) < MinimumKeyBytes)
            throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes when no Auth:Authority is configured.");

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            if (auth.Authority is not null)
                options.Authority = auth.Authority;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = auth.Authority is null ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey!)) : null,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
                RoleClaimType = Roles.RoleClaim,
            };
        });

        var authorization = services.AddAuthorizationBuilder()
            // An endpoint that forgets to name a policy still refuses anonymous callers.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in Policies.RolesOf)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return services;
    }
}
