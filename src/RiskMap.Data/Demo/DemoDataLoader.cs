using Dapper;
using NetTopologySuite.Geometries;
using Npgsql;
using RiskMap.Data.Imports;

namespace RiskMap.Data.Demo;

/// <summary>
/// Loads the demo: the real geokz boundaries, then synthetic schools and indicator values, each through the regular
/// importers. Each step runs only while its table is empty, so loading again never replaces or loses anything.
/// </summary>
public sealed class DemoDataLoader(NpgsqlDataSource dataSource, ImportService imports)
{
    public const int Seed = 20240101;
    public const string Source = "demo";
    private const string Loader = "demo-loader";

    public async Task<IReadOnlyList<string>> LoadAsync(string geodataDirectory, CancellationToken cancellationToken = default)
    {
        var done = new List<string>();
        var (regions, districts, schools, demoSchools, observations) = await CountsAsync();
        if (regions == 0)
            done.Add(await ImportBoundaryAsync(Path.Combine(geodataDirectory, "kz_adm1.geojson"), cancellationToken));
        if (districts == 0)
            done.Add(await ImportBoundaryAsync(Path.Combine(geodataDirectory, "kz_adm2.geojson"), cancellationToken));

        var generated = DemoSchoolGenerator.Generate(await DistrictsAsync(), DemoRegionTotals.Read(geodataDirectory), Seed);
        var work = Directory.CreateTempSubdirectory("riskmap-demo-");
        try
        {
            if (schools == 0)
            {
                var file = Path.Combine(work.FullName, "demo-schools.csv");
                DemoCsv.WriteSchools(file, generated);
                done.Add(await ImportAsync(ImportKind.Schools, file, Source, cancellationToken));
                (schools, demoSchools) = (generated.Count, generated.Count);
            }
            // Demo indicator values only make sense for the demo schools they were generated with.
            if (observations == 0 && schools == demoSchools)
            {
                var file = Path.Combine(work.FullName, "demo-indicators.csv");
                DemoCsv.WriteObservations(file, DemoObservationGenerator.Generate(generated, Seed));
                done.Add(await ImportAsync(ImportKind.Indicators, file, Source, cancellationToken));
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
        return done;
    }

    /// <summary>The demo's hidden risk landscape (hotspots, stale districts), regenerated from the seed.</summary>
    public async Task<DemoObservationGenerator.Scenario> ScenarioAsync(string geodataDirectory) =>
        DemoObservationGenerator.Plan(DemoSchoolGenerator.Generate(await DistrictsAsync(), DemoRegionTotals.Read(geodataDirectory), Seed), Seed);

    /// <summary>
    /// The quarter after the demo's last, made the demo's way: the generator run for one quarter more, whose risk landscape
    /// is the demo's and whose slowly moving parts are drawn anew, so it is an ordinary next quarter of the same units.
    /// </summary>
    public async Task<IReadOnlyList<DemoObservation>> NextQuarterAsync(string geodataDirectory)
    {
        var schools = DemoSchoolGenerator.Generate(await DistrictsAsync(), DemoRegionTotals.Read(geodataDirectory), Seed);
        var next = DemoObservationGenerator.Nth(DemoObservationGenerator.Quarters);
        return DemoObservationGenerator.Generate(schools, Seed, DemoObservationGenerator.Quarters + 1).Where(o => o.Period == next).ToList();
    }

    private Task<string> ImportBoundaryAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path)
            ? ImportAsync(ImportKind.Boundaries, path, "geokz", cancellationToken)
            : throw new FileNotFoundException(
                $"Boundary file {path} not found. Set RISKMAP_GEODATA to the folder holding kz_adm1.geojson and kz_adm2.geojson (see geodata/README.md).", path);

    private async Task<string> ImportAsync(ImportKind kind, string path, string source, CancellationToken cancellationToken)
    {
        var request = new ImportRequest(kind, path, Path.GetFileName(path), Loader, new ImportOptions { Source = source });
        var result = await imports.ImportAsync(request, cancellationToken: cancellationToken);
        return $"{kind.Code()}: {Path.GetFileName(path)} → {result.Counts.Inserted} new, {result.Counts.Updated} updated (batch {result.BatchId})";
    }

    private async Task<(int Regions, int Districts, int Schools, int DemoSchools, long Observations)> CountsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(int, int, int, int, long)>("""
            SELECT (SELECT count(*) FROM regions)::int, (SELECT count(*) FROM districts)::int,
                   (SELECT count(*) FROM schools)::int, (SELECT count(*) FROM schools WHERE source = @source)::int,
                   (SELECT count(*) FROM observations)
            """, new { source = Source });
    }

    private async Task<IReadOnlyList<DemoDistrict>> DistrictsAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        // The data source maps PostGIS geometry to NetTopologySuite (ConnectionPool): no WKB by hand.
        var rows = await connection.QueryAsync<(string Kato, string RegionKato, string NameRu, string NameKk, double AreaKm2, NetTopologySuite.Geometries.Geometry Geom)>(
            "SELECT kato, region_kato, name_ru, name_kk, area_km2, geom FROM districts ORDER BY kato");
        return rows.Select(r => new DemoDistrict(r.Kato, r.RegionKato, r.NameRu, r.NameKk, r.AreaKm2, (MultiPolygon)r.Geom)).ToList();
    }
}
