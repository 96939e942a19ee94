using System.IO.Compression;
using RiskMap.Core.Imports;

namespace RiskMap.Data.Geometry;

/// <summary>
/// Reads an ESRI Shapefile (.shp with its .dbf, .shx and .prj beside it, or a .zip holding them) through GDAL's
/// ogr2ogr, which turns it into GeoJSON in the file's own CRS; the .prj names that CRS.
/// </summary>
public static class ShapefileLayerReader
{
    private const long MaxUnzippedBytes = 2L * 1024 * 1024 * 1024;

    public static async Task<SourceLayer> ReadAsync(string path, IssueCollector issues, CancellationToken cancellationToken)
    {
        var workDirectory = Directory.CreateTempSubdirectory("riskmap-shp-");
        try
        {
            // A full path never starts with '-', so ogr2ogr cannot mistake it for an option.
            var shp = Path.GetFullPath(path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
                ? ExtractSingleShapefile(path, workDirectory.FullName)
                : path);
            var prj = Path.ChangeExtension(shp, ".prj");
            var crs = File.Exists(prj) ? (await File.ReadAllTextAsync(prj, cancellationToken)).Trim() : null;

            var geoJson = Path.Combine(workDirectory.FullName, "layer.geojson");
            var result = await ExternalTool.RunAsync("ogr2ogr",
                ["-f", "GeoJSON", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=15", geoJson, shp],
                cancellationToken);
            if (result.ExitCode != 0 || !File.Exists(geoJson))
                throw ImportRejectedException.Single(ImportProblem.UnreadableFile, detail: ImportDetail.AsIs(FirstLine(result.StandardError)));

            await using var stream = File.OpenRead(geoJson);
            var layer = GeoJsonLayerReader.Read(stream, issues);
            return layer with { Crs = string.IsNullOrEmpty(crs) ? null : crs };
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }
    }

    private static string ExtractSingleShapefile(string zipPath, string directory)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw ImportRejectedException.Single(ImportProblem.UnreadableFile, detail: ImportDetail.AsIs(e.Message));
        }
        using (archive)
        {
            if (archive.Entries.Sum(e => e.Length) > MaxUnzippedBytes)
                throw ImportRejectedException.Single(ImportProblem.FileTooLarge, detail: ImportDetail.Of(DetailText.UnzippedTooLarge));
            var shapefiles = archive.Entries.Where(e => e.Name.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).ToList();
            if (shapefiles.Count != 1)
                throw ImportRejectedException.Single(ImportProblem.UnreadableFile,
                    detail: ImportDetail.AtMost(DetailText.OneShapefile, shapefiles.Count));
            var stem = Path.GetFileNameWithoutExtension(shapefiles[0].Name);
            foreach (var entry in archive.Entries.Where(e => Path.GetFileNameWithoutExtension(e.Name) == stem))
            {
                // Only the file name is used, so an entry such as "../../x.shp" cannot write outside the directory.
                entry.ExtractToFile(Path.Combine(directory, "layer" + Path.GetExtension(entry.Name).ToLowerInvariant()));
            }
            return Path.Combine(directory, "layer.shp");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "ogr2ogr failed";
}
