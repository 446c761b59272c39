using System.Collections.Concurrent;
using System.Globalization;
using MeritApi.Api.Security;
using MeritApi.Infrastructure.Configuration;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// ASP.NET Core's output cache for shortlist pages. A scoring run is immutable, so a page of its shortlist is too until
/// the selection gets a newer run (which "latest" then means) or the committee reveals identities: the endpoints that
/// commit either call <see cref="InvalidateAsync"/>. An entry is keyed by the path (the selection), every query value
/// (run, top, includeIneligible, page, pageSize, format), the Accept header (the representation) and the selection's
/// generation here, which the invalidation moves on: a page still being computed from the old state when a run
/// commits is stored under the old generation and never served. Authentication, the token's role, the rate limit and
/// the merit-only guard run before the cache (it sits after them in the pipeline); the committee scope is checked
/// here, so a token for another selection is never served a stored page and reaches the endpoint's own 403.
/// The cache is the process's: with several instances, one learns of another's new run or reveal only when its
/// entries expire (<see cref="ExpirationSetting"/>), which is why the expiry is short. Stale is safe: a page names
/// its run, a decision on a run that is no longer the latest is refused, and a reveal only ever adds names.
/// </summary>
public sealed class ShortlistCache : IOutputCachePolicy
{
    public const string PolicyName = "shortlist";
    public const string EnabledSetting = "OutputCache:Shortlist:Enabled";
    public const string ExpirationSetting = "OutputCache:Shortlist:ExpirationSeconds";
    private const int DefaultExpirationSeconds = 60;

    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly bool _enabled;
    private readonly TimeSpan _expiration;

    public ShortlistCache(IConfiguration configuration)
    {
        _enabled = configuration.GetValue(EnabledSetting, true);
        var seconds = configuration.GetValue(ExpirationSetting, DefaultExpirationSeconds);
        if (seconds < 1)
            throw new InvalidConfigurationException($"{ExpirationSetting} must be at least 1 second (it is {seconds}).");
        _expiration = TimeSpan.FromSeconds(seconds);
    }

    /// <summary>After a commit that changes what a selection's shortlist shows: its stored pages are dropped.</summary>
    public async Task InvalidateAsync(Guid selectionId, IOutputCacheStore store, CancellationToken cancellationToken)
    {
        _generations.AddOrUpdate(selectionId, 1, (_, generation) => generation + 1);
        await store.EvictByTagAsync(TagOf(selectionId), cancellationToken);
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var selection = CommitteeScope.SelectionOf(http);
        var selectionId = Guid.Empty;
        var cacheable = _enabled && HttpMethods.IsGet(http.Request.Method) && Guid.TryParse(selection, out selectionId) &&
                        (!CommitteeScope.IsScoped(http.User) || CommitteeScope.MaySee(http.User, selection));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = cacheable;
        if (!cacheable)
            return ValueTask.CompletedTask;

        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.Accept;
        context.CacheVaryByRules.VaryByValues["generation"] =
            _generations.GetValueOrDefault(selectionId).ToString(CultureInfo.InvariantCulture);
        context.Tags.Add(TagOf(selectionId));
        context.ResponseExpirationTimeSpan = _expiration;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only a whole page is kept: not a 304, a problem or anything else the endpoint answered.</summary>
    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    private static string TagOf(Guid selectionId) => $"shortlist:{selectionId}";
}
