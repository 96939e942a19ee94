using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace RiskMap.Web.Tests.Imports;

/// <summary>
/// The rules an upload is checked by (issue 15, "Import rules"), each with the small file that shows it: the problem
/// a user gets names row, field and value in their language and in words, and nothing stored changes.
/// </summary>
public class ImportRuleTests(ImportApp app) : IClassFixture<ImportApp>
{
    private readonly HttpClient _client = app.ClientAs("steward");

    private const string Observations = "entity_level,entity_code,indicator,period,value\n";

    private static MultipartFormDataContent Upload(string fileName, string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Uploads a file that must be refused with <paramref name="status"/> and checks that nothing stored changed.</summary>
    private async Task<IReadOnlyList<JsonElement>> RejectedAsync(string url, string fileName, string content,
        HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        var before = await app.Database.DataFingerprintAsync();
        var problem = await Json.ProblemAsync(await _client.PostAsync(url, Upload(fileName, content)), status);
        Assert.Equal("import-rejected", problem.GetProperty("code").GetString());
        Assert.Equal(before, await app.Database.DataFingerprintAsync());
        return problem.GetProperty("issues").EnumerateArray().ToList();
    }

    private static string? Text(JsonElement issue, string property) =>
        issue.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Row(JsonElement issue) => issue.GetProperty("row").ValueKind == JsonValueKind.Number ? issue.GetProperty("row").GetInt32() : null;

    [Fact]
    public async Task Extra_fields_in_a_row_are_an_error_naming_the_row()
    {
        var issues = await RejectedAsync("/api/imports/indicators", "values.csv",
            Observations + "region,710000000,offences_by_minors,2025Q2,7\nregion,750000000,extracurricular_share,2025Q2,76.91,extra\n");

        var issue = Assert.Single(issues);
        Assert.Equal((3, "extra-fields", "extra"), (Row(issue), Text(issue, "problem"), Text(issue, "value")));
        Assert.Equal("The row has more fields than the header has columns.", Text(issue, "message"));
        Assert.Equal("5 columns in the header, 6 fields in this row", Text(issue, "detail"));
    }

    [Fact]
    public async Task A_count_indicator_takes_whole_numbers_only()
    {
        var issues = await RejectedAsync("/api/imports/indicators?lang=ru", "values.csv",
            Observations + "region,710000000,suicides,2025Q2,2.5\nregion,750000000,suicides,2025Q2,3\n");

        var issue = Assert.Single(issues);
        Assert.Equal((2, "value", "2.5", "not-a-whole-number"), (Row(issue), Text(issue, "field"), Text(issue, "value"), Text(issue, "problem")));
        Assert.Equal("Показатель считает случаи: значение должно быть целым числом.", Text(issue, "message"));
    }

    [Fact]
    public async Task A_missing_column_does_not_hide_the_row_checks_that_can_still_run()
    {
        var issues = await RejectedAsync("/api/imports/indicators", "values.csv",
            "entity_level,entity_code,indicator,value\nregion,710000000,suicides,many\nregion,999999999,suicides,1\n",
            HttpStatusCode.BadRequest);

        Assert.Equal([(1, "period", "missing-column"), (2, "value", "not-a-number"), (3, "entity_code", "unknown-entity")],
            issues.Select(i => (Row(i), Text(i, "field"), Text(i, "problem"))));
    }

    private const string UnitWithoutYear = """
        {"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"KATO":"790000000","ADM1_KK":"Облыс","ADM1_RU":"Область","ADM1_EN":"Region"},
          "geometry":{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,41],[60,40]]]}}]}
        """;

    [Fact]
    public async Task A_boundary_file_without_a_year_says_to_pass_a_vintage_as_the_api_takes_it()
    {
        var issues = await RejectedAsync("/api/imports/boundaries?level=region", "regions.geojson", UnitWithoutYear, HttpStatusCode.BadRequest);

        var issue = Assert.Single(issues);
        Assert.Equal(("Year", "missing-column"), (Text(issue, "field"), Text(issue, "problem")));
        Assert.Equal("give the year of the boundaries with vintage=2024, or name the field holding it with vintage-field=", Text(issue, "detail"));
    }

    private const string Bowtie = """
        {"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"KATO":"790000000","ADM1_KK":"Облыс","ADM1_RU":"Область","ADM1_EN":"Region","Year":2024},
          "geometry":{"type":"Polygon","coordinates":[[[60,40],[61,41],[61,40],[60,41],[60,40]]]}}]}
        """;

    [Fact]
    public async Task An_invalid_polygon_is_explained_in_the_user_s_language_naming_repair_as_the_api_takes_it()
    {
        var issues = await RejectedAsync("/api/imports/boundaries?level=region&lang=ru", "regions.geojson", Bowtie);

        var issue = Assert.Single(issues);
        Assert.Equal((1, "invalid-geometry"), (Row(issue), Text(issue, "problem")));
        Assert.Equal("Геометрия некорректна; исправить можно с repair=true.", Text(issue, "message"));
        Assert.Equal("самопересечение", Text(issue, "detail"));
    }

    [Theory]
    [InlineData("en", "suicides", "-1", "must be 0 or more")]
    [InlineData("en", "extracurricular_share", "140", "must be between 0 and 100")]
    [InlineData("ru", "extracurricular_share", "140", "должно быть от 0 до 100")]
    [InlineData("kk", "suicides", "-1", "0 немесе одан көп болуы керек")]
    public async Task Ranges_are_said_in_words_in_the_user_s_language(string language, string indicator, string value, string detail)
    {
        var issues = await RejectedAsync($"/api/imports/indicators?lang={language}", "values.csv",
            Observations + $"region,710000000,{indicator},2025Q2,{value}\n");

        var issue = Assert.Single(issues);
        Assert.Equal(("out-of-range", detail), (Text(issue, "problem"), Text(issue, "detail")));
    }

    [Fact]
    public async Task A_quarter_in_the_wrong_form_is_explained_in_Kazakh()
    {
        var issues = await RejectedAsync("/api/imports/indicators?lang=kk", "values.csv", Observations + "region,710000000,suicides,2025-03,1\n");

        Assert.Equal("2025Q3 сияқты тоқсан", Text(Assert.Single(issues), "detail"));
    }

    [Fact]
    public async Task A_school_registry_with_only_code_name_and_coordinates_is_imported_with_the_documented_defaults()
    {
        var response = await _client.PostAsync("/api/imports/schools", Upload("registry.csv", """
            code,name,lat,lon
            R-1,Школа-гимназия № 1,51.1282,71.4304
            """));
        var result = await Json.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(1, result.GetProperty("inserted").GetInt32());

        var stored = await app.Database.QueryAsync<(string NameRu, string NameKk, string Type, string Language, string Settlement, int Pupils)>(
            "SELECT name_ru, name_kk, school_type, language, settlement, pupils FROM schools WHERE code = 'R-1'");
        Assert.Equal(("Школа-гимназия № 1", "Школа-гимназия № 1", "general", "unknown", "urban", 0), stored.Single());
    }

    [Fact]
    public async Task A_school_registry_without_pupils_keeps_the_pupils_a_known_school_has()
    {
        await Json.ReadAsync(await _client.PostAsync("/api/imports/schools", Upload("full.csv", """
            code,name_ru,name_kk,type,language,settlement,pupils,lat,lon
            R-2,Школа 2,2 мектеп,lyceum,kk,rural,640,51.13,71.43
            """)), HttpStatusCode.Created);
        await Json.ReadAsync(await _client.PostAsync("/api/imports/schools", Upload("registry.csv", """
            code,name,lat,lon
            R-2,Школа № 2,51.14,71.44
            """)), HttpStatusCode.Created);

        var stored = await app.Database.QueryAsync<(string NameRu, string Type, string Settlement, int Pupils)>(
            "SELECT name_ru, school_type, settlement, pupils FROM schools WHERE code = 'R-2'");
        Assert.Equal(("Школа № 2", "lyceum", "rural", 640), stored.Single());
    }

    [Fact]
    public async Task A_school_file_without_a_name_or_coordinates_names_what_is_missing()
    {
        var issues = await RejectedAsync("/api/imports/schools", "registry.csv", "code,lat\nR-3,51.1\n", HttpStatusCode.BadRequest);

        Assert.Equal([(1, "name"), (1, "lat, lon")], issues.Select(i => (Row(i), Text(i, "field"))));
    }
}
