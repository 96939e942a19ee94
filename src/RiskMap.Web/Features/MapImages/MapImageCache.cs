using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// Map images made recently, in memory bounded in bytes (MapImages:CacheMegabytes, default 32). The key names the
/// published data's version and the caller's scope key, so a new run or import makes every image a miss; old ones age out.
/// </summary>
public sealed class MapImageCache(IConfiguration configuration) : IDisposable
{
    private readonly ByteCache _cache = new(configuration.GetValue("MapImages:CacheMegabytes", 32L));

    /// <summary>The image, and whether it came from the cache.</summary>
    public async Task<(byte[] Image, bool Hit)> GetOrAddAsync(string key, Func<Task<byte[]>> make)
    {
        if (_cache.Get(key) is { } cached) return (cached, true);
        var image = await make();
        _cache.Set(key, image);
        return (image, false);
    }

    public void Dispose() => _cache.Dispose();
}
