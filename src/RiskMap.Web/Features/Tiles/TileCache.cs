using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Tiles;

/// <summary>
/// Recently served tiles (and boundary GeoJSON), gzipped, in a memory cache bounded in bytes (Tiles:CacheMegabytes). The
/// key carries the data version, so a new score run or import makes every affected entry a miss; old entries age out.
/// </summary>
public sealed class TileCache(IConfiguration configuration) : IDisposable
{
    private readonly ByteCache _cache = new(configuration.GetValue("Tiles:CacheMegabytes", 128L));

    /// <summary>The gzipped tile, and where its time went as a Server-Timing header value (browsers' developer tools show it).</summary>
    public async Task<(byte[] Gzipped, string ServerTiming)> GetOrAddAsync(string key, Func<Task<byte[]>> make)
    {
        if (_cache.Get(key) is { } cached) return (cached, "cache;desc=hit");
        var started = Stopwatch.GetTimestamp();
        var tile = await make();
        var queried = Stopwatch.GetTimestamp();
        var gzipped = tile.Length == 0 ? tile : Gzip(tile);
        var compressed = Stopwatch.GetTimestamp();
        _cache.Set(key, gzipped);
        return (gzipped, string.Create(CultureInfo.InvariantCulture,
            $"db;dur={Stopwatch.GetElapsedTime(started, queried).TotalMilliseconds:0.###}, gzip;dur={Stopwatch.GetElapsedTime(queried, compressed).TotalMilliseconds:0.###}"));
    }

    public void Dispose() => _cache.Dispose();

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
