namespace MeritApi.Api.Hosting;

/// <summary>
/// `MeritApi.Api healthcheck`: asks the API running in this container whether it is ready, for Docker's HEALTHCHECK. The
/// runtime image has no curl or wget, and a probe in the API's own binary needs nothing added to it.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";

    /// <returns>0 when /health/ready answers 200 on the first port of ASPNETCORE_HTTP_PORTS (8080 by default), else 1.</returns>
    public static async Task<int> RunAsync()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = string.IsNullOrWhiteSpace(ports) ? "8080" : ports.Split([';', ','], StringSplitOptions.TrimEntries)[0];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
