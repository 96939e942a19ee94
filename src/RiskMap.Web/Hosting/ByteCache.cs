using Microsoft.Extensions.Caching.Memory;

namespace RiskMap.Web.Hosting;

/// <summary>Answers kept in memory as bytes, bounded by their total size (each entry counts its bytes and its key's).</summary>
public sealed class ByteCache(long megabytes) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = megabytes * 1024 * 1024 });

    public byte[]? Get(string key) => _cache.TryGetValue(key, out byte[]? cached) ? cached : null;

    public void Set(string key, byte[] value) =>
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = Math.Max(1, value.Length) + key.Length * 2 });

    public void Dispose() => _cache.Dispose();
}
