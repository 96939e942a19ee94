using System.Globalization;
using RiskMap.Core.Imports;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

public class SchoolImportTests(BoundariesDatabase db) : IClassFixture<BoundariesDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private const string Header = "code,name_ru,name_kk,type,language,settlement,pupils,lat,lon";

    private static string Row(string code, double lat, double lon, int pupils = 420) =>
        string.Create(CultureInfo.InvariantCulture, $"{code},Школа {code},{code} мектебі,general,kk,urban,{pupils},{lat:R},{lon:R}");

    [Fact]
    public async Task Schools_are_placed_in_districts_by_their_point_on_a_border_and_outside_as_well()
    {
        var inside = await db.QueryAsync<(double Lon, double Lat)>(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM districts WHERE kato = '101000000') s");
        // A vertex that two districts share: ST_Covers counts it inside both, and the lower KATO takes the school.
        var border = await db.QueryAsync<(double Lon, double Lat, string Lower)>("""
            SELECT ST_X(v.geom), ST_Y(v.geom), least(a.kato, b.kato)
            FROM districts a, LATERAL ST_DumpPoints(a.geom) v, districts b
            WHERE a.kato = '103200000' AND b.kato <> a.kato AND ST_Covers(b.geom, v.geom)
            LIMIT 1
            """);
        var file = _files.Write("schools.csv", string.Join('\n',
            Header,
            Row("T-INSIDE", inside[0].Lat, inside[0].Lon),
            Row("T-BORDER", border[0].Lat, border[0].Lon),
            Row("T-OUTSIDE", 45.0, 90.0)));

        var result = await db.ImportAsync(ImportKind.Schools, file);

        var placed = (await db.QueryAsync<(string Code, string? District, string? Region)>(
            "SELECT code, district_kato, region_kato FROM schools WHERE code LIKE 'T-%'")).ToDictionary(r => r.Code);
        Assert.Equal(("101000000", "100000000"), (placed["T-INSIDE"].District, placed["T-INSIDE"].Region));
        Assert.Equal(border[0].Lower, placed["T-BORDER"].District);
        Assert.Equal((null, null), (placed["T-OUTSIDE"].District, placed["T-OUTSIDE"].Region));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((ImportProblem.SchoolUnassigned, "T-OUTSIDE"), (warning.Problem, warning.Key));
    }

    [Fact]
    public async Task Projected_coordinates_and_Excel_style_files_are_accepted()
    {
        // UTM 42N easting/northing of a point in Ulytau district, a ';'-delimited file with a byte-order mark and decimal commas.
        var file = _files.Write("utm.csv", "\uFEFFcode;name_ru;name_kk;type;language;settlement;pupils;x;y\n" +
                                           "T-UTM;\"Школа; с точкой с запятой\";Мектеп;general;ru;rural;120;559750,5;5390000,25\n");
        var result = await db.ImportAsync(ImportKind.Schools, file, new ImportOptions { Srid = "32642" });
        Assert.Equal(1, result.Counts.Inserted);
        var (lon, lat, name) = (await db.QueryAsync<(double, double, string)>(
            "SELECT ST_X(geom), ST_Y(geom), name_ru FROM schools WHERE code = 'T-UTM'"))[0];
        Assert.Equal(69.811403, lon, 5);
        Assert.Equal(48.660197, lat, 5);
        Assert.Equal("Школа; с точкой с запятой", name);
    }

    [Fact]
    public async Task GeoJSON_points_import_like_CSV_rows()
    {
        var file = _files.Write("schools.geojson", """
            {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[71.4304,51.1282]},
             "properties":{"code":"T-GEO","name_ru":"Школа","name_kk":"Мектеп","type":"lyceum","language":"kk","settlement":"urban","pupils":900}}]}
            """);
        await db.ImportAsync(ImportKind.Schools, file);
        Assert.Equal("710000000", await db.ScalarAsync<string>("SELECT region_kato FROM schools WHERE code = 'T-GEO'"));
    }

    [Fact]
    public async Task Re_importing_changes_nothing_an_edit_updates_one_row_and_schools_left_out_are_kept()
    {
        var rows = Enumerable.Range(1, 5).Select(i => Row($"T-RE{i}", 43.25 + i * 0.001, 76.95)).ToList();
        var file = _files.Write("five.csv", string.Join('\n', [Header, .. rows]));
        await db.ImportAsync(ImportKind.Schools, file);
        var fingerprint = await db.DataFingerprintAsync();

        var again = await db.ImportAsync(ImportKind.Schools, file);
        Assert.Equal((0, 0, 5), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
        Assert.Equal(fingerprint, await db.DataFingerprintAsync());

        var edited = _files.Write("edited.csv", string.Join('\n', Header, Row("T-RE1", 43.251, 76.95, pupils: 999)));
        var update = await db.ImportAsync(ImportKind.Schools, edited);
        Assert.Equal((0, 1, 0), (update.Counts.Inserted, update.Counts.Updated, update.Counts.Unchanged));
        Assert.Equal(999, await db.ScalarAsync<int>("SELECT pupils FROM schools WHERE code = 'T-RE1'"));
        Assert.Equal(5, await db.ScalarAsync<long>("SELECT count(*) FROM schools WHERE code LIKE 'T-RE%'"));
    }
}
