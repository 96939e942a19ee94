using Microsoft.Extensions.Caching.Memory;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// Map images made recently, in a memory cache bounded in bytes (MapImages:CacheMegabytes, default 32). The key names the
/// published data's version and the caller's scope key, so a new run or import makes every image a miss; old ones age out.
/// </summary>
public sealed class MapImageCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("MapImages:CacheMegabytes", 32L) * 1024 * 1024,
    });

    /// <summary>The image, and whether it came from the cache.</summary>
    public async Task<(byte[] Image, bool Hit)> GetOrAddAsync(string key, Func<Task<byte[]>> make)
    {
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null) return (cached, true);
        var image = await make();
        _cache.Set(key, image, new MemoryCacheEntryOptions { Size = image.Length + key.Length * 2 });
        return (image, false);
    }

    public void Dispose() => _cache.Dispose();
}
