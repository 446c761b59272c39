using System.IO.Compression;

namespace MeritApi.Api.Tests;

/// <summary>
/// Debian's chromium, headless, for the tests of what committees look at: the DOM as the browser built it, a screenshot,
/// a PDF print. ./build/test.sh installs chromium when it is missing; without it these tests fail and say so.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string Executable = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
        ?? "chromium";

    /// <summary>Writes <paramref name="content"/> to a file and returns its URL, so the browser loads it as a user's download.</summary>
    public static string SaveAsFile(string content, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"meritapi-{Guid.NewGuid():N}.{extension}");
        File.WriteAllText(path, content);
        return new Uri(path).AbsoluteUri;
    }

    public static Task<string> DumpDomAsync(string url) => RunAsync(["--dump-dom", url], output: null);

    public static async Task<Png> ScreenshotAsync(string url, int width, int height)
    {
        var path = Path.Combine(Path.GetTempPath(), $"meritapi-{Guid.NewGuid():N}.png");
        await RunAsync([$"--screenshot={path}", $"--window-size={width},{height}", "--hide-scrollbars", url], path);
        return Png.Decode(await File.ReadAllBytesAsync(path), path);
    }

    public static async Task<byte[]> PrintToPdfAsync(string url)
    {
        var path = Path.Combine(Path.GetTempPath(), $"meritapi-{Guid.NewGuid():N}.pdf");
        await RunAsync([$"--print-to-pdf={path}", "--no-pdf-header-footer", url], path);
        return await File.ReadAllBytesAsync(path);
    }

    private static async Task<string> RunAsync(string[] arguments, string? output)
    {
        var profile = Directory.CreateTempSubdirectory("meritapi-chromium-");
        var outcome = await ExternalProcess.RunAsync(Executable,
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.FullName}", .. arguments],
            TimeSpan.FromSeconds(90), "chromium is not installed: ./build/test.sh installs it (apt-get install chromium).");
        profile.Delete(recursive: true);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Errors);
        if (output is not null)
            Assert.That(File.Exists(output), Is.True, $"chromium wrote no {output}: {outcome.Errors}");
        return outcome.Output;
    }
}

/// <summary>
/// The pixels of a PNG as chromium writes its screenshots (8-bit RGB or RGBA, not interlaced), decoded here so a test can
/// say what colour a region of the picture is.
/// </summary>
internal sealed class Png
{
    private readonly byte[] _pixels;
    private readonly int _channels;

    private Png(int width, int height, int channels, byte[] pixels, string path) =>
        (Width, Height, _channels, _pixels, Path) = (width, height, channels, pixels, path);

    public int Width { get; }
    public int Height { get; }

    /// <summary>Where the screenshot is, for a person to look at.</summary>
    public string Path { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = (y * Width + x) * _channels;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
        }
    }

    /// <summary>How many distinct colours the picture has: a blank page has one.</summary>
    public int DistinctColours() => Enumerable.Range(0, Width * Height).Select(p => this[p % Width, p / Width]).Distinct().Count();

    public static Png Decode(byte[] file, string path)
    {
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var i = 8; i < file.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(i));
            var type = System.Text.Encoding.ASCII.GetString(file, i + 4, 4);
            var data = file.AsSpan(i + 8, length);
            if (type == "IHDR")
            {
                width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data);
                height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.That(data[8], Is.EqualTo(8), "bit depth");
                Assert.That(data[12], Is.Zero, "interlace");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
            }
            else if (type == "IDAT")
                idat.Write(data);
            i += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                int value = raw[y * (stride + 1) + 1 + x];
                pixels[y * stride + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + (a + b) / 2,
                    4 => value + Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
        }
        return new Png(width, height, channels, pixels, path);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
