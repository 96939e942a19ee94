using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Where clients reach the service (<c>Hosting:PublicOrigin</c>, e.g. https://riskmap.example.kz): every absolute link
/// (TileJSON, OGC API) starts with it, never with the request's Host header, which a client chooses. Without the setting
/// it is the first address the server listens on (a wildcard address as localhost), and http://localhost for a host
/// without one (the in-memory test server).
/// </summary>
public sealed class PublicOrigin(IConfiguration configuration, IServer server)
{
    private string? _value;

    /// <summary>Scheme, host, port and any path prefix, without a trailing slash.</summary>
    public string Value => _value ??= Resolve();

    public Uri Uri => new(Value);

    /// <summary>The absolute URL of a path of the service ("/ogc/collections?f=json").</summary>
    public string Url(string pathAndQuery) => Value + pathAndQuery;

    private string Resolve()
    {
        var configured = configuration["Hosting:PublicOrigin"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
                : throw new InvalidOperationException($"Hosting:PublicOrigin must be an absolute http(s) URL, not '{configured}'.");
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null) return "http://localhost";
        var listening = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (listening.Host is "0.0.0.0" or "[::]" or "::") listening.Host = "localhost";
        return listening.Uri.GetLeftPart(UriPartial.Authority);
    }
}
