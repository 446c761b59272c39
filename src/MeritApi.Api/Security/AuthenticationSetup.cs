using System.Text;
using MeritApi.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MeritApi.Api.Security;

/// <summary>
/// Bearer tokens (JWT) validated against the configured issuer, audience and key (or an OIDC authority), hardened: the
/// signing algorithms are pinned, a subject is required (it is the audit trail's actor and the owner of idempotency
/// keys), lifetimes are capped, and a 401 never says why a token failed.
/// </summary>
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

        /// <summary>
        /// The signing algorithms accepted: HS256 with a <see cref="SigningKey"/>; with an <see cref="Authority"/>, RS256 and
        /// ES256 unless configured otherwise. Anything else (another HS strength, "none") is refused.
        /// </summary>
        public string[]? Algorithms { get; set; }

        /// <summary>The longest lifetime (expiry − issue time) a token may have; a longer-lived token is refused (401).</summary>
        public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);
    }

    public const int MinimumKeyBytes = 32;

    /// <summary>A subject longer than the audit trail and idempotency store keep is refused, never truncated.</summary>
    public const int MaxSubjectLength = Domain.Audit.AuditEntry.ActorMaxLength;

    /// <summary>The key of appsettings.Development.json (and build/token.sh): refused outside Development.</summary>
    public const string DevelopmentSigningKey = "DEVELOPMENT-ONLY signing key of MeritApi - never use outside a developer machine";

    public static IServiceCollection AddMeritAuthentication(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(auth.Issuer) || string.IsNullOrWhiteSpace(auth.Audience))
            throw new InvalidConfigurationException("Auth:Issuer and Auth:Audience must be configured.");
        if (auth.Authority is null && Encoding.UTF8.GetByteCount(auth.SigningKey ?? string.Empty) < MinimumKeyBytes)
            throw new InvalidConfigurationException($"Auth:SigningKey must be at least {MinimumKeyBytes} bytes when no Auth:Authority is configured.");
        if (auth.Authority is null && auth.SigningKey == DevelopmentSigningKey && !environment.IsDevelopment())
            throw new InvalidConfigurationException(
                $"Auth:SigningKey is the development key, which anyone can read in the repository; it is refused in the " +
                $"'{environment.EnvironmentName}' environment. Configure a secret key or an Auth:Authority.");
        if (auth.MaxTokenLifetime <= TimeSpan.Zero)
            throw new InvalidConfigurationException("Auth:MaxTokenLifetime must be positive.");
        var algorithms = auth.Algorithms is { Length: > 0 } configured ? configured
            : auth.Authority is null ? [SecurityAlgorithms.HmacSha256]
            : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            // WWW-Authenticate says "Bearer" and nothing about why: a probing caller learns nothing from a refusal.
            options.IncludeErrorDetails = false;
            if (auth.Authority is not null)
                options.Authority = auth.Authority;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = auth.Authority is null ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey!)) : null,
                ValidateIssuerSigningKey = true,
                ValidAlgorithms = algorithms,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
                RoleClaimType = Roles.RoleClaim,
            };
            options.Events = new JwtBearerEvents { OnTokenValidated = context => CheckClaims(context, auth.MaxTokenLifetime) };
        });

        var authorization = services.AddAuthorizationBuilder()
            // An endpoint that forgets to name a policy still refuses anonymous callers.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var (policy, roles) in Policies.RolesOf)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return services;
    }

    /// <summary>What a valid signature does not prove: a usable subject and a lifetime within the cap.</summary>
    private static Task CheckClaims(TokenValidatedContext context, TimeSpan maxLifetime)
    {
        var subject = context.Principal?.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength || subject.Any(char.IsControl))
        {
            context.Fail("The token has no usable subject.");
            return Task.CompletedTask;
        }
        if (context.SecurityToken is JsonWebToken token)
        {
            // Without an issue time, the remaining lifetime is what is capped.
            var issued = token.IssuedAt > DateTime.UnixEpoch ? token.IssuedAt : DateTime.UtcNow;
            if (token.ValidTo - issued > maxLifetime || token.ValidTo - DateTime.UtcNow > maxLifetime)
                context.Fail("The token lives longer than the accepted maximum.");
        }
        return Task.CompletedTask;
    }
}
