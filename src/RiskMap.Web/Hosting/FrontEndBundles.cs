using Microsoft.Extensions.FileProviders;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Outside Development the page scripts are the minified esbuild bundles (wwwroot/bundle, made by the build from
/// wwwroot/js with src/RiskMap.Web/bundle.mjs), served at the modules' own addresses, so the HTML and the Content
/// Security Policy are the same either way; Development serves the modules themselves.
/// </summary>
internal static class FrontEndBundles
{
    public static WebApplication UseFrontEndBundles(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return app;
        var bundles = Path.Combine(app.Environment.WebRootPath, "bundle");
        if (!Directory.Exists(bundles))
        {
            throw new InvalidOperationException($"The front-end bundles are missing ({bundles}): build RiskMap.Web, which runs bundle.mjs.");
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(bundles) });
        return app;
    }
}
