using System.IO.Compression;
using System.Text;
using RiskMap.Core.Access;
using RiskMap.Core.Geography;
using RiskMap.Core.Maps;
using RiskMap.Data.Queries;
using RiskMap.Data.Scoring;
using RiskMap.Data.Tiles;
using RiskMap.Web.Features.Tiles;

namespace RiskMap.Web.Features.FirstFrame;

/// <summary>
/// The map's first view drawn on the server (<see cref="ChoroplethSvg"/>): every district in the composite risk level of
/// the published run's latest quarter as the public sees it (<see cref="AccessScope.Public"/>: withheld small districts
/// withheld, no scores), under the region outlines, from the very outlines the map loads first. Public by design, so
/// one frame serves every caller; built once per published run and boundary version and kept gzipped in the <see cref="TileCache"/>.
/// </summary>
public sealed class FirstFrameMaker(FrontEndLook look, GeographyQueries geography, ScoreQueries scores, TileCache cache)
{
    /// <summary>Vertices are rounded to this zoom's pixels: half a pixel at the country's zoom on a laptop's map (about 5).</summary>
    public const double Zoom = 6;

    public FirstView View => look.View;

    /// <summary>The frame of the version's published run, gzipped; null when nothing is published or its run has no quarter.</summary>
    public async Task<(byte[] Gzipped, string ServerTiming)?> GzippedAsync(MapDataVersion version)
    {
        if (version is not { Run: { } run, LatestPeriod: { } period }) return null;
        return await cache.GetOrAddAsync($"first-frame/national/{run}/{version.Boundaries}", async () =>
        {
            var table = await scores.TableAsync(run, EntityLevel.District, period, null, null, ScoreMeasure.Composite, false, AccessScope.Public);
            var levels = (table?.Units ?? []).ToDictionary(u => u.Code, u => new ShownLevel(u.Class, u.Suppressed, u.LowReliability));
            var districts = MapShape.FromFeatureCollection(await geography.DistrictsAsync(null, look.DistrictSimplify));
            var regions = MapShape.FromFeatureCollection(await geography.RegionsAsync(look.RegionSimplify));
            return Encoding.UTF8.GetBytes(ChoroplethSvg.Render(look.View, Zoom, look.Palette, districts, levels, regions));
        });
    }

    /// <summary>The frame of the version's published run as SVG text (from the same cached frame); null as for <see cref="GzippedAsync"/>.</summary>
    public async Task<string?> SvgAsync(MapDataVersion version)
    {
        if (await GzippedAsync(version) is not { } frame) return null;
        using var gzip = new GZipStream(new MemoryStream(frame.Gzipped), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
