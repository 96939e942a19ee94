using SkiaSharp;

namespace RiskMap.Web.Features.MapImages;

/// <summary>
/// The typefaces of map images and briefs: a sans-serif with every Kazakh and Russian letter, from Debian's fonts-dejavu-core
/// (./riskmap installs it) or fonts-noto-core, or the files MapImages:FontFile and MapImages:BoldFontFile name.
/// Loaded at the first image, so a machine without them serves everything else and says what is missing.
/// </summary>
public sealed class MapFonts(IConfiguration configuration) : IDisposable
{
    /// <summary>No usable font file: the message says which package to install.</summary>
    public sealed class Missing(string message) : Exception(message);

    private static readonly string[] RegularFiles =
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"];

    private static readonly string[] BoldFiles =
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"];

    /// <summary>Letters a map image writes that a Latin-only font lacks (Kazakh ә, ғ, қ, ң, ө, ұ, ү, һ, і and Russian ё).</summary>
    private const string Cyrillic = "әғқңөұүһіёЖЩ";

    private sealed record Face(string File, SKTypeface Typeface);

    private readonly Lazy<(Face Regular, Face Bold)> _typefaces = new(() => Load(configuration));

    public SKTypeface Regular => _typefaces.Value.Regular.Typeface;

    public SKTypeface Bold => _typefaces.Value.Bold.Typeface;

    /// <summary>The TrueType file of <see cref="Regular"/>, for documents that embed it.</summary>
    public string RegularFile => _typefaces.Value.Regular.File;

    /// <summary>The TrueType file of <see cref="Bold"/>.</summary>
    public string BoldFile => _typefaces.Value.Bold.File;

    private static (Face, Face) Load(IConfiguration configuration)
    {
        var regular = Open(configuration["MapImages:FontFile"], RegularFiles);
        return (regular, Open(configuration["MapImages:BoldFontFile"], BoldFiles) ?? regular)!;
    }

    private static Face Open(string? configured, string[] candidates)
    {
        foreach (var path in configured is null ? candidates : [configured])
        {
            if (!File.Exists(path)) continue;
            var typeface = SKTypeface.FromFile(path);
            if (typeface is null) continue;
            using (var font = new SKFont(typeface))
                if (font.ContainsGlyphs(Cyrillic)) return new Face(path, typeface);
            typeface.Dispose();
        }
        throw new Missing("Map images need a font with Kazakh and Russian letters: install Debian's fonts-dejavu-core " +
                          $"(or fonts-noto-core), or name a TrueType file in MapImages:FontFile. Looked for {string.Join(", ", configured is null ? candidates : [configured])}.");
    }

    public void Dispose()
    {
        if (!_typefaces.IsValueCreated) return;
        _typefaces.Value.Regular.Typeface.Dispose();
        if (!ReferenceEquals(_typefaces.Value.Bold, _typefaces.Value.Regular)) _typefaces.Value.Bold.Typeface.Dispose();
    }
}
