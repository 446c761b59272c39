using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Soak;

/// <summary>What the mix needs before it starts: one position with a competency standard and one open selection per client.</summary>
internal static class Seeder
{
    public static async Task<int> RunAsync(Options options)
    {
        var outFile = options.OutFile ?? throw new ArgumentException("--out is required");
        using var http = new HttpClient { BaseAddress = options.Api, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Options.Environment("SOAK_HR_TOKEN"));

        var position = await PostAsync(http, "/api/v1/positions", new
        {
            code = $"SOAK-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}",
            title = "Kepala Bagian (soak)",
            kind = "Structural",
            standard = new[] { new { competencyCode = "M-INTEGRITY", requiredLevel = 3 }, new { competencyCode = "M-COOPERATION", requiredLevel = 3 } },
        });
        var selections = new List<string>();
        for (var i = 0; i < options.Clients; i++)
        {
            var selection = await PostAsync(http, "/api/v1/selections", new
            {
                positionId = (Guid)position["id"]!,
                kind = "Promotion",
                places = 1,
                latestPerformanceYear = 2025,
                reference = $"soak-{i + 1}",
            });
            selections.Add((string)selection["id"]!);
        }
        await File.WriteAllLinesAsync(outFile, selections);
        Console.Error.WriteLine($"soak: seeded 1 position and {selections.Count} open selections");
        return 0;
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
