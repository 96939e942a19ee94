using Microsoft.Extensions.FileProviders;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Which page scripts are served: the minified esbuild bundles (wwwroot/bundle, made by the build from wwwroot/js with
/// src/RiskMap.Web/bundle.mjs) at the modules' own addresses, so the HTML and the Content Security Policy are the same
/// either way, or the modules themselves for development. <c>FrontEnd:Bundles</c> chooses; by default a Release build
/// (what <c>./riskmap up</c> and the tests run) serves the bundles and a Debug build the modules.
/// </summary>
internal static class FrontEndBundles
{
#if DEBUG
    private const bool ReleaseBuild = false;
#else
    private const bool ReleaseBuild = true;
#endif

    public static WebApplication UseFrontEndBundles(this WebApplication app)
    {
        if (!app.Configuration.GetValue("FrontEnd:Bundles", ReleaseBuild)) return app;
        var bundles = Path.Combine(app.Environment.WebRootPath, "bundle");
        if (!Directory.Exists(bundles))
        {
            throw new InvalidOperationException($"The front-end bundles are missing ({bundles}): build RiskMap.Web, which runs bundle.mjs.");
        }
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(bundles) });
        return app;
    }
}
