using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Which page scripts are served: the minified esbuild bundles (wwwroot/bundle, made by the build from wwwroot/js with
/// src/RiskMap.Web/bundle.mjs) at the modules' own addresses, so the HTML and the Content Security Policy are the same
/// either way, or the modules themselves for development. The bundles come with the pages' modulepreload links, one
/// style sheet per page (/css/pages/&lt;page&gt;-&lt;hash&gt;.css instead of the sheets the page links) and gzip/brotli
/// copies of what the pages load (<see cref="PrecompressedFiles"/>). <c>FrontEnd:Bundles</c> chooses; by default a
/// Release build (what <c>./riskmap up</c> and the tests run) serves the bundles and a Debug build the modules.
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
        if (!Bundled(app)) return app;
        var files = Bundles(app);
        app.UsePrecompressedFiles(files, CacheHashedChunks);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, OnPrepareResponse = CacheHashedChunks });
        return app;
    }

    /// <summary>The files the pages are read from: the bundles' copies (with their modulepreloads and style sheet) or wwwroot's.</summary>
    public static IFileProvider FrontEndPages(this WebApplication app) => Bundled(app) ? Bundles(app) : app.Environment.WebRootFileProvider;

    private static bool Bundled(WebApplication app) => app.Configuration.GetValue("FrontEnd:Bundles", ReleaseBuild);

    private static PhysicalFileProvider Bundles(WebApplication app)
    {
        var bundles = Path.Combine(app.Environment.WebRootPath, "bundle");
        if (!Directory.Exists(bundles))
        {
            throw new InvalidOperationException($"The front-end bundles are missing ({bundles}): build RiskMap.Web, which runs bundle.mjs.");
        }
        return new PhysicalFileProvider(bundles);
    }

    /// <summary>
    /// A chunk's and a page's style sheet's names carry their content's hash (bundle.mjs), so a browser may keep them
    /// for good; the entries and pages keep their names from build to build and are revalidated by their ETag.
    /// </summary>
    private static void CacheHashedChunks(StaticFileResponseContext context)
    {
        var path = context.Context.Request.Path;
        context.Context.Response.Headers.CacheControl = path.StartsWithSegments("/js/chunks") || path.StartsWithSegments("/css/pages")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
