using System.Globalization;
using RiskMap.Core.Imports;
using RiskMap.Core.Localization;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;
using Xunit.Abstractions;

namespace RiskMap.Data.Tests.Vintages;

public class BoundaryCheckTests(BoundariesDatabase db, ITestOutputHelper output) : IClassFixture<BoundariesDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>One unit of a real file, as a file of its own.</summary>
    private string Extract(string source, string kato)
    {
        var path = Path.Combine(_files.Directory, $"{kato}-{Guid.NewGuid():N}.geojson");
        Ogr.Convert("-f", "GeoJSON", "-where", $"KATO = '{kato}'", path, GeoData.File(source));
        return path;
    }

    [Fact]
    public async Task The_real_2024_files_overlap_by_slivers_only()
    {
        var worst = await db.ScalarAsync<double>("""
            SELECT max(ST_Area(ST_Intersection(a.geom, b.geom)::geography) / 1e6) FROM boundary_units a
            JOIN boundary_units b ON a.level = b.level AND a.vintage = b.vintage AND a.kato < b.kato AND ST_Intersects(a.geom, b.geom)
            """);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest overlap of two 2024 units: {worst:0.000} km²"));
        Assert.InRange(worst, 0, new ImportLimits().BoundaryToleranceKm2);
    }

    [Fact]
    public async Task A_2018_region_given_as_2024_is_refused_naming_both_codes_and_the_overlap_in_km2_in_the_reader_s_language()
    {
        // East Kazakhstan before 2022 still held what is now Abai region.
        var issues = await ImportFailures.RejectedAsync(db, ImportKind.Boundaries, Extract("kz_adm1_2018.geojson", "630000000"),
            new ImportOptions { Level = Core.Geography.EntityLevel.Region, Vintage = 2024 });

        var overlap = Assert.Single(issues, i => i.Problem == ImportProblem.UnitsOverlap && i.Value == "100000000");
        Assert.Equal(("630000000", 1, "KATO"), (overlap.Key, overlap.Row, overlap.Field));
        Assert.Equal("100000000", overlap.Detail!.Second);
        var km2 = double.Parse(overlap.Detail.First!, CultureInfo.InvariantCulture);
        Assert.InRange(km2, 150_000, 200_000);
        Assert.Equal($"перекрытие с 100000000: {km2.ToString("#,0.#", CultureInfo.GetCultureInfo("ru-RU"))} км²",
            ImportProblemTexts.Describe(overlap.Detail, Language.Ru, OptionSpelling.CommandLine));
    }

    [Fact]
    public async Task A_district_beyond_its_region_is_refused_with_the_area_outside()
    {
        // Semey (Abai region) given a code of Almaty city: it lies wholly outside the region its code names.
        var moved = _files.Write("moved.geojson", File.ReadAllText(Extract("kz_adm2.geojson", "101000000")).Replace("\"101000000\"", "\"751000000\""));
        var issues = await ImportFailures.RejectedAsync(db, ImportKind.Boundaries, moved, new ImportOptions { Level = Core.Geography.EntityLevel.District });

        var outside = Assert.Single(issues, i => i.Problem == ImportProblem.DistrictOutsideRegion);
        Assert.Equal(("751000000", "750000000"), (outside.Key, outside.Detail!.Second));
        var area = await db.ScalarAsync<double>("SELECT area_km2 FROM districts WHERE kato = '101000000'");
        Assert.InRange(double.Parse(outside.Detail.First!, CultureInfo.InvariantCulture), area * 0.99, area * 1.01);
    }
}
