using RiskMap.Core.Imports;
using RiskMap.Data.Geometry;

namespace RiskMap.Data.Imports;

/// <summary>Reads a GeoJSON file or a Shapefile and brings its geometries to WGS 84.</summary>
public static class LayerFiles
{
    public static bool IsLayer(string extension) => extension is ".geojson" or ".json" or ".shp" or ".zip";

    public static async Task<SourceLayer> ReadAsync(ImportContext context, CoordinateSystemResolver resolver)
    {
        SourceLayer layer;
        if (context.Extension is ".geojson" or ".json")
        {
            await using var stream = context.OpenFile();
            layer = GeoJsonLayerReader.Read(stream, context.Issues);
        }
        else if (context.Extension is ".shp" or ".zip")
        {
            layer = await ShapefileLayerReader.ReadAsync(context.FilePath, context.Issues, context.CancellationToken);
        }
        else
        {
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, value: context.FileName,
                detail: ImportDetail.Expected(".geojson, .json, .shp, .zip"));
        }

        if (layer.Features.Count == 0) throw ImportRejectedException.Single(ImportProblem.EmptyFile);
        if (layer.Features.Count > context.MaxRows)
            throw ImportRejectedException.Single(ImportProblem.TooManyRows, detail: ImportDetail.AtMost(DetailText.AtMostFeatures, context.MaxRows));
        await context.ReportProgress(new ImportProgress("read", layer.Features.Count));

        var crs = context.Options.Srid ?? layer.Crs;
        if (crs is null) return layer;
        var reprojector = new Wgs84Reprojector(await resolver.ResolveAsync(crs, context.CancellationToken));
        if (reprojector.IsIdentity) return layer;
        return layer with
        {
            Features = layer.Features.Select(f => f with { Geometry = f.Geometry is null ? null : reprojector.Reproject(f.Geometry) }).ToList(),
        };
    }

    /// <summary>Reports a field that no feature has once, instead of once per feature.</summary>
    public static bool RequireField(SourceLayer layer, string field, IssueCollector issues, ImportDetail? detail = null)
    {
        if (layer.Features.Any(f => f.Properties.ContainsKey(field))) return true;
        issues.Add(ImportProblem.MissingColumn, field: field, detail: detail);
        return false;
    }
}
