using Microsoft.AspNetCore.Mvc.Testing;

namespace MeritApi.Api.Tests;

/// <summary>What an operator sees when the API refuses to start: the one line it writes to standard error.</summary>
public static class StartupFailure
{
    /// <summary>Starts the host, which must fail, and returns what it wrote to standard error.</summary>
    public static string Of<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory) where TEntryPoint : class
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            // The entry point ends (exit code 1) instead of building a host, so the test server never starts.
            Assert.Catch(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(original);
        }
        return error.ToString();
    }
}
