using RiskMap.Core.Imports;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>A database with boundaries, two schools and their observations, guarded against every kind of bad file.</summary>
public sealed class SeededDatabase : BoundariesDatabase
{
    public const string SchoolsCsv = """
        code,name_ru,name_kk,type,language,settlement,pupils,lat,lon
        S-1,Школа 1,1 мектеп,general,kk,urban,500,51.1282,71.4304
        S-2,Школа 2,2 мектеп,general,ru,rural,60,43.2567,76.9286
        """;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var files = new TempFiles();
        await ImportAsync(ImportKind.Schools, files.Write("schools.csv", SchoolsCsv));
        await ImportAsync(ImportKind.Indicators, files.Write("values.csv", """
            entity_level,entity_code,indicator,period,value,denominator
            school,S-1,bullying_reports,2025Q1,3,500
            district,101000000,suicides,2025Q1,1,40000
            """));
    }
}

public class BadInputTests(SeededDatabase db) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<ImportIssue> RejectedAsync(ImportKind kind, string name, string content, ImportOptions? options = null)
    {
        var issues = await ImportFailures.RejectedAsync(db, kind, _files.Write(name, content), options);
        return issues.First(i => !i.IsWarning);
    }

    private static string Polygon(string coordinates, string kato = "100000000") => $$$"""
        {"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"KATO":"{{{kato}}}","ADM1_KK":"А","ADM1_RU":"А","ADM1_EN":"A","Year":2024},
          "geometry":{"type":"Polygon","coordinates":[{{{coordinates}}}]}}]}
        """;

    [Fact]
    public async Task Malformed_JSON() =>
        Assert.Equal(ImportProblem.MalformedJson, (await RejectedAsync(ImportKind.Boundaries, "bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[")).Problem);

    [Fact]
    public async Task A_point_where_a_boundary_belongs()
    {
        var issue = await RejectedAsync(ImportKind.Boundaries, "point.geojson", Polygon("").Replace("\"Polygon\",\"coordinates\":[]", "\"Point\",\"coordinates\":[70,48]"));
        Assert.Equal((ImportProblem.WrongGeometryType, 1, "geometry", "Point"), (issue.Problem, issue.Row, issue.Field, issue.Value));
    }

    [Fact]
    public async Task A_self_intersecting_polygon()
    {
        var issue = await RejectedAsync(ImportKind.Boundaries, "bowtie.geojson", Polygon("[[70,48],[71,49],[71,48],[70,49],[70,48]]"));
        Assert.Equal((ImportProblem.InvalidGeometry, "100000000", "70.5 48.5"), (issue.Problem, issue.Key, issue.Value));
    }

    [Fact]
    public async Task Coordinates_out_of_range()
    {
        var issue = await RejectedAsync(ImportKind.Boundaries, "far.geojson", Polygon("[[70,48],[71,200],[71,48],[70,48]]"));
        Assert.Equal((ImportProblem.CoordinatesOutOfRange, "71 200"), (issue.Problem, issue.Value));
    }

    [Fact]
    public async Task An_unknown_CRS()
    {
        var content = Polygon("[[70,48],[71,49],[71,48],[70,48]]").Replace("\"features\"",
            "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::999999\"}},\"features\"");
        Assert.Equal(ImportProblem.UnknownCrs, (await RejectedAsync(ImportKind.Boundaries, "crs.geojson", content)).Problem);
    }

    [Fact]
    public async Task A_missing_required_column()
    {
        var issue = await RejectedAsync(ImportKind.Schools, "nocode.csv", "name_ru,name_kk,type,language,settlement,pupils,lat,lon\nШ,М,general,kk,urban,5,51,71\n");
        Assert.Equal((ImportProblem.MissingColumn, "code", 1), (issue.Problem, issue.Field, issue.Row));
    }

    [Fact]
    public async Task A_non_numeric_value_is_named_by_line_and_field()
    {
        var issue = await RejectedAsync(ImportKind.Indicators, "nan.csv",
            "entity_level,entity_code,indicator,period,value\nschool,S-1,bullying_reports,2025Q2,4\nschool,S-2,bullying_reports,2025Q2,abc\n");
        Assert.Equal((ImportProblem.NotANumber, 3, "value", "abc", "S-2"), (issue.Problem, issue.Row, issue.Field, issue.Value, issue.Key));
    }

    [Fact]
    public async Task A_code_twice_in_one_file()
    {
        var issue = await RejectedAsync(ImportKind.Schools, "twice.csv", SeededDatabase.SchoolsCsv + "\nS-1,Школа,Мектеп,general,kk,urban,10,51.1,71.4\n");
        Assert.Equal((ImportProblem.DuplicateKey, "S-1", 4), (issue.Problem, issue.Key, issue.Row));
    }

    [Fact]
    public async Task An_unknown_indicator() =>
        Assert.Equal(ImportProblem.UnknownIndicator, (await RejectedAsync(ImportKind.Indicators, "ind.csv",
            "entity_level,entity_code,indicator,period,value\nschool,S-1,happiness,2025Q2,4\n")).Problem);

    [Fact]
    public async Task An_unknown_entity() =>
        Assert.Equal((ImportProblem.UnknownEntity, "999999999"), await RejectedAsync(ImportKind.Indicators, "ent.csv",
            "entity_level,entity_code,indicator,period,value\ndistrict,999999999,suicides,2025Q2,1\n") is var i ? (i.Problem, i.Value) : default);

    [Fact]
    public async Task An_empty_file() =>
        Assert.Equal(ImportProblem.EmptyFile, (await RejectedAsync(ImportKind.Schools, "empty.csv", "")).Problem);

    [Fact]
    public async Task A_header_without_rows() =>
        Assert.Equal(ImportProblem.EmptyFile, (await RejectedAsync(ImportKind.Indicators, "header.csv", "entity_level,entity_code,indicator,period,value\n")).Problem);

    [Fact]
    public async Task A_file_that_is_not_UTF8() =>
        Assert.Equal(ImportProblem.UnreadableFile, (await ImportFailures.RejectedAsync(db, ImportKind.Schools,
            _files.Write("cp1251.csv", [.. "code,name_ru\n"u8.ToArray(), 0xD8, 0xEA, 0xEE, 0xEB, 0xE0, (byte)'\n']))).First().Problem);

    [Theory]
    [InlineData("'; DROP TABLE schools; --")]
    [InlineData("S-1\" OR \"1\"=\"1")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Injection_strings_in_codes_are_refused_as_codes(string code)
    {
        var issue = await RejectedAsync(ImportKind.Schools, "inject.csv",
            $"code,name_ru,name_kk,type,language,settlement,pupils,lat,lon\n\"{code.Replace("\"", "\"\"")}\",Ш,М,general,kk,urban,5,51,71\n");
        Assert.Equal((ImportProblem.InvalidCode, "code"), (issue.Problem, issue.Field));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT count(*) FROM schools"));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_not_only_the_first()
    {
        var issues = await ImportFailures.RejectedAsync(db, ImportKind.Schools, _files.Write("many.csv", """
            code,name_ru,name_kk,type,language,settlement,pupils,lat,lon
            S-7,Ш,М,general,kk,town,5,51,71
            S-8,Ш,М,general,kk,urban,-4,51,71
            S-9,Ш,М,general,kk,urban,5,north,71
            """));
        Assert.Equal([(2, "settlement"), (3, "pupils"), (4, "lat")], issues.Select(i => (i.Row ?? 0, i.Field ?? "")));
    }
}
