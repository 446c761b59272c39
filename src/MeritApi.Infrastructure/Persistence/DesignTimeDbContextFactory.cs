using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without a running API or database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MeritDbContext>
{
    public MeritDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__MeritDb")
                               ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=meritapi";
        var options = new DbContextOptionsBuilder<MeritDbContext>();
        DependencyInjection.Configure(options, connectionString);
        return new MeritDbContext(options.Options);
    }
}
