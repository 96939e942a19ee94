using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace RiskMap.Web.Hosting;

/// <summary>
/// Serves the brotli or gzip copy that bundle.mjs wrote beside a script, style sheet or page (<c>x.js.br</c>,
/// <c>x.js.gz</c> under wwwroot/bundle) to a client whose <c>Accept-Encoding</c> takes it, with <c>Content-Encoding</c>
/// and the original's content type; every answer for such a file says <c>Vary: Accept-Encoding</c>, so no shared cache
/// hands a compressed copy to a client that cannot read it. Only public front-end files are compressed ahead, never an
/// API answer.
/// </summary>
internal static class PrecompressedFiles
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];
    private const string ChosenEncoding = "RiskMap.PrecompressedEncoding";

    public static void UsePrecompressedFiles(this WebApplication app, IFileProvider files, Action<StaticFileResponseContext> prepareResponse)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value;
            var copies = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? Encodings.Where(e => Path.HasExtension(path) && files.GetFileInfo(path + e.Suffix).Exists).ToList()
                : [];
            if (copies.Count > 0)
            {
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
                foreach (var (encoding, suffix) in copies)
                {
                    if (!accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0.0)) continue;
                    context.Items[ChosenEncoding] = encoding;
                    context.Response.Headers.ContentEncoding = encoding;
                    context.Request.Path = path + suffix;
                    break;
                }
            }
            await next();
        });
        app.UseWhen(context => context.Items.ContainsKey(ChosenEncoding), compressed => compressed.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new OriginalContentType(),
            OnPrepareResponse = prepareResponse,
        }));
    }

    /// <summary>The content type of the file a compressed copy was made of: <c>app.js.br</c> is JavaScript.</summary>
    private sealed class OriginalContentType : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _byExtension = new();

        public bool TryGetContentType(string subpath, out string contentType) =>
            _byExtension.TryGetContentType(Encodings.Aggregate(subpath, (name, e) =>
                name.EndsWith(e.Suffix, StringComparison.Ordinal) ? name[..^e.Suffix.Length] : name), out contentType!);
    }
}
