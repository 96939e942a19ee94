using System.IO.Compression;
using RiskMap.Core.Imports;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

public class BoundaryImportTests(BoundariesDatabase geoJson) : IClassFixture<BoundariesDatabase>, IAsyncLifetime
{
    private readonly TestDatabase _fresh = new();
    private readonly TempFiles _files = new();

    public Task InitializeAsync() => _fresh.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _fresh.DisposeAsync();
        _files.Dispose();
    }

    private static string Shapefile(string level) => GeoData.File($"shapefile/kaz_admbnda_{level}_2024.shp");

    [Fact]
    public async Task The_2024_GeoJSON_files_give_20_regions_and_224_districts_each_inside_a_loaded_region()
    {
        Assert.Equal(20, await geoJson.ScalarAsync<long>("SELECT count(*) FROM regions"));
        Assert.Equal(224, await geoJson.ScalarAsync<long>("SELECT count(*) FROM districts"));
        Assert.Equal(0, await geoJson.ScalarAsync<long>(
            "SELECT count(*) FROM districts d JOIN regions r ON r.kato = d.region_kato WHERE NOT ST_Intersects(r.geom, ST_PointOnSurface(d.geom))"));
        // Kazakhstan covers 2,724,900 km².
        var area = await geoJson.ScalarAsync<double>("SELECT sum(area_km2) FROM regions");
        Assert.InRange(area, 2_724_900 * 0.99, 2_724_900 * 1.01);
        Assert.Equal("Семей", await geoJson.ScalarAsync<string>("SELECT name_ru FROM districts WHERE kato = '101000000'"));
        Assert.Equal(2024, await geoJson.ScalarAsync<int>("SELECT min(vintage) FROM districts"));
    }

    [Fact]
    public async Task The_Shapefile_gives_the_same_units_and_areas_and_names_the_repaired_Ulytau_polygon()
    {
        await _fresh.ImportAsync(ImportKind.Boundaries, Shapefile("adm1"));
        var result = await _fresh.ImportAsync(ImportKind.Boundaries, Shapefile("adm2"), new ImportOptions { Repair = true });

        var repaired = Assert.Single(result.Warnings, w => w.Problem != ImportProblem.NameNormalised);
        Assert.Equal(ImportProblem.GeometryRepaired, repaired.Problem);
        Assert.Equal("623800000", repaired.Key);
        Assert.StartsWith("68.73", repaired.Value);

        var fromShapefile = (await _fresh.QueryAsync<(string Kato, double Area)>("SELECT kato, area_km2 FROM districts")).ToDictionary(r => r.Kato, r => r.Area);
        var fromGeoJson = (await geoJson.QueryAsync<(string Kato, double Area)>("SELECT kato, area_km2 FROM districts")).ToDictionary(r => r.Kato, r => r.Area);
        Assert.Equal(fromGeoJson.Keys.Order(), fromShapefile.Keys.Order());
        Assert.All(fromGeoJson, g => Assert.InRange(fromShapefile[g.Key], g.Value * 0.995, g.Value * 1.005));
    }

    [Fact]
    public async Task Without_repair_the_invalid_Ulytau_polygon_is_refused_by_name_and_nothing_is_stored()
    {
        await _fresh.ImportAsync(ImportKind.Boundaries, Shapefile("adm1"));
        var issues = await ImportFailures.RejectedAsync(_fresh, ImportKind.Boundaries, Shapefile("adm2"));
        var invalid = Assert.Single(issues, i => !i.IsWarning);
        Assert.Equal((ImportProblem.InvalidGeometry, "623800000"), (invalid.Problem, invalid.Key));
        Assert.Equal(0, await _fresh.ScalarAsync<long>("SELECT count(*) FROM districts"));
    }

    [Fact]
    public async Task A_zipped_Shapefile_imports_like_the_loose_files()
    {
        var zip = Path.Combine(_files.Directory, "regions.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var extension in new[] { "shp", "shx", "dbf", "prj", "cpg" })
                archive.CreateEntryFromFile(GeoData.File($"shapefile/kaz_admbnda_adm1_2024.{extension}"), $"kaz/kaz_admbnda_adm1_2024.{extension}");
        }
        var result = await _fresh.ImportAsync(ImportKind.Boundaries, zip);
        Assert.Equal(20, result.Counts.Inserted);
    }

    [Theory]
    [InlineData("GeoJSON", "EPSG:32642", ".geojson")]
    [InlineData("GeoJSON", "EPSG:3857", ".geojson")]
    [InlineData("ESRI Shapefile", "EPSG:32642", ".shp")]
    [InlineData("ESRI Shapefile", "EPSG:28412", ".shp")]
    public async Task Projected_files_are_reprojected_back_onto_the_original_boundary(string driver, string srs, string extension)
    {
        // Ulytau region, written by GDAL in UTM 42N, Web Mercator or Pulkovo 1942 / Gauss–Krüger zone 12.
        var projected = Path.Combine(_files.Directory, "ulytau" + extension);
        Ogr.Convert("-f", driver, "-t_srs", srs, "-where", "KATO = '620000000'", "-lco", extension == ".geojson" ? "RFC7946=NO" : "ENCODING=UTF-8",
            projected, GeoData.File("kz_adm1.geojson"));

        var result = await _fresh.ImportAsync(ImportKind.Boundaries, projected);
        Assert.Equal(1, result.Counts.Inserted);

        var original = await geoJson.ScalarAsync<byte[]>("SELECT ST_AsBinary(geom) FROM regions WHERE kato = '620000000'");
        // Metres between the original and the round trip; Pulkovo 1942 goes through a datum shift, so it is allowed the few metres by which ProjNet and PROJ differ there.
        var distance = await _fresh.ScalarAsync<double>(
            "SELECT ST_HausdorffDistance(geom, ST_GeomFromWKB(@original, 4326)) * 111320 FROM regions WHERE kato = '620000000'",
            new { original });
        Assert.InRange(distance, 0, srs == "EPSG:28412" ? 5 : 0.5);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_corrected_edition_of_the_vintage_updates_in_place()
    {
        var file = GeoData.File("kz_adm1.geojson");
        var first = await _fresh.ImportAsync(ImportKind.Boundaries, file);
        var fingerprint = await _fresh.DataFingerprintAsync();
        var again = await _fresh.ImportAsync(ImportKind.Boundaries, file);

        Assert.Equal((20, 0, 0), (first.Counts.Inserted, first.Counts.Updated, first.Counts.Unchanged));
        Assert.Equal((0, 0, 20), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
        Assert.Equal(fingerprint, await _fresh.DataFingerprintAsync());

        var renamed = _files.Write("renamed.geojson", File.ReadAllText(file).Replace("\"Абай\"", "\"Абай облысы\""));
        var edition = await _fresh.ImportAsync(ImportKind.Boundaries, renamed);
        Assert.Equal((0, 1, 19), (edition.Counts.Inserted, edition.Counts.Updated, edition.Counts.Unchanged));
        Assert.Equal("Абай облысы", await _fresh.ScalarAsync<string>("SELECT name_kk FROM regions WHERE kato = '100000000'"));
    }

    [Fact]
    public async Task Latin_look_alike_letters_in_a_name_are_stored_as_Cyrillic_and_each_changed_name_is_reported()
    {
        var ulytau = Path.Combine(_files.Directory, "ulytau-source.geojson");
        Ogr.Convert("-f", "GeoJSON", "-where", "KATO = '620000000'", ulytau, GeoData.File("kz_adm1.geojson"));
        // "Улытаускaя" with a Latin a, as source files have them; the English name stays Latin.
        var file = _files.Write("ulytau.geojson", File.ReadAllText(ulytau).Replace("Улытауская", "Улытаускa\u044f"));

        var result = await _fresh.ImportAsync(ImportKind.Boundaries, file);

        var changed = Assert.Single(result.Warnings, w => w.Problem == ImportProblem.NameNormalised);
        Assert.Equal(("ADM1_RU", "620000000", "Улытаускaя", "Улытауская"), (changed.Field, changed.Key, changed.Value, changed.Detail?.First));
        Assert.Equal(("Улытауская", "Ulytau"), Assert.Single(await _fresh.QueryAsync<(string, string)>("SELECT name_ru, name_en FROM regions WHERE kato = '620000000'")));
        Assert.Equal(1L, await _fresh.ScalarAsync<long>(
            "SELECT jsonb_array_length(issues) FROM import_batches WHERE id = @id", new { id = result.BatchId }));
    }

    [Fact]
    public async Task A_partial_file_adds_and_updates_but_never_deletes_units_it_does_not_mention()
    {
        await _fresh.ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm1.geojson"));
        var one = Path.Combine(_files.Directory, "astana.geojson");
        Ogr.Convert("-f", "GeoJSON", "-where", "KATO = '710000000'", one, GeoData.File("kz_adm1.geojson"));
        var renamed = _files.Write("astana-renamed.geojson", File.ReadAllText(one).Replace("\"Astana (city)\"", "\"Astana\""));
        var result = await _fresh.ImportAsync(ImportKind.Boundaries, renamed);
        Assert.Equal((0, 1), (result.Counts.Inserted, result.Counts.Updated));
        Assert.Equal(20, await _fresh.ScalarAsync<long>("SELECT count(*) FROM regions"));
        Assert.Equal(20, await _fresh.ScalarAsync<long>("SELECT count(*) FROM boundary_units WHERE vintage = 2024"));
        Assert.Equal("Astana", await _fresh.ScalarAsync<string>("SELECT name_en FROM regions WHERE kato = '710000000'"));
    }
}
