using System.IO.Compression;
using Microsoft.Extensions.Caching.Memory;

namespace RiskMap.Web.Features.Tiles;

/// <summary>
/// Recently served tiles, gzipped, in a memory cache bounded in bytes (Tiles:CacheMegabytes). The key carries the
/// data version, so a new score run or import makes every affected tile a miss; old entries age out.
/// </summary>
public sealed class TileCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("Tiles:CacheMegabytes", 128L) * 1024 * 1024,
    });

    public async Task<byte[]> GetOrAddAsync(string key, Func<Task<byte[]>> make)
    {
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null) return cached;
        var tile = await make();
        var gzipped = tile.Length == 0 ? tile : Gzip(tile);
        _cache.Set(key, gzipped, new MemoryCacheEntryOptions { Size = Math.Max(1, gzipped.Length) + key.Length * 2 });
        return gzipped;
    }

    public void Dispose() => _cache.Dispose();

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
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
