using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests;

/// <summary>An instance with boundaries loaded and a small upload limit, for the import API.</summary>
public sealed class ImportApp : RiskMapWebFactory<BoundariesDatabase>
{
    public const int UploadLimit = 100_000;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Imports:MaxFileBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public class ImportApiTests(ImportApp app) : IClassFixture<ImportApp>
{
    private readonly HttpClient _client = app.ClientAs("steward");

    private static MultipartFormDataContent Upload(string fileName, string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    private const string Schools = """
        code,name_ru,name_kk,type,language,settlement,pupils,lat,lon
        H-1,Школа 1,1 мектеп,general,kk,urban,500,51.1282,71.4304
        H-2,Школа 2,2 мектеп,general,ru,rural,60,43.2567,76.9286
        """;

    [Fact]
    public async Task An_upload_is_imported_and_logged_with_its_counts()
    {
        var response = await _client.PostAsync("/api/imports/schools?source=akimat-71", Upload("schools.csv", Schools));
        var result = await Json.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal((2, 0), (result.GetProperty("inserted").GetInt32(), result.GetProperty("updated").GetInt32()));

        var batch = await Json.GetAsync(_client, response.Headers.Location!.ToString());
        Assert.Equal(("succeeded", "schools.csv", "akimat-71"),
            (batch.GetProperty("status").GetString(), batch.GetProperty("fileName").GetString(), batch.GetProperty("source").GetString()));
        Assert.Equal(64, batch.GetProperty("sha256").GetString()!.Length);

        var log = (await Json.GetAsync(_client, "/api/imports")).EnumerateArray().ToList();
        Assert.Equal(batch.GetProperty("id").GetInt64(), log[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_bad_file_gets_a_422_problem_listing_rows_and_fields_in_the_user_s_language_and_stores_nothing()
    {
        var before = await app.Database.DataFingerprintAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports/schools")
        {
            Content = Upload("bad.csv", Schools.Replace(",500,", ",много,").Replace("H-2,", "H-1,")),
        };
        request.Headers.AcceptLanguage.ParseAdd("ru-RU");
        var problem = await Json.ProblemAsync(await _client.SendAsync(request), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("import-rejected", problem.GetProperty("code").GetString());
        Assert.Equal("Файл отклонён: ничего не сохранено", problem.GetProperty("title").GetString());
        var issues = problem.GetProperty("issues").EnumerateArray().Select(i => (
            Row: i.GetProperty("row").GetInt32(), Field: i.GetProperty("field").GetString(), Message: i.GetProperty("message").GetString())).ToList();
        Assert.Equal([(2, "pupils", "Значение не является числом."), (3, "code", "Этот код встречается в файле несколько раз.")], issues);
        Assert.Equal(before, await app.Database.DataFingerprintAsync());

        var batch = await Json.GetAsync(_client, $"/api/imports/batches/{problem.GetProperty("batchId").GetInt64()}");
        Assert.Equal("failed", batch.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Kazakh_is_chosen_with_lang()
    {
        var problem = await Json.ProblemAsync(
            await _client.PostAsync("/api/imports/indicators?lang=kk", Upload("v.csv", "entity_level,entity_code,indicator,period,value\nschool,H-404,suicides,2025Q1,1\n")),
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Мұндай аймақ, аудан немесе мектеп жоқ.", problem.GetProperty("issues")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem() =>
        await Json.ProblemAsync(await _client.PostAsync("/api/imports/boundaries", Upload("b.geojson", "{\"type\":")), HttpStatusCode.BadRequest);

    [Fact]
    public async Task An_upload_over_the_limit_is_a_413_problem()
    {
        var big = "code,name_ru\n" + new string('x', ImportApp.UploadLimit + 10);
        await Json.ProblemAsync(await _client.PostAsync("/api/imports/schools", Upload("big.csv", big)), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/api/imports/schools?repair=true", "repair")]
    [InlineData("/api/imports/schools?srid=", "srid")]
    [InlineData("/api/imports/boundaries?level=school", "level")]
    public async Task Unknown_or_malformed_options_are_400_problems_naming_them(string url, string parameter)
    {
        var problem = await Json.ProblemAsync(await _client.PostAsync(url, Upload("s.csv", Schools)), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_request_without_a_file_or_of_an_unknown_kind_is_refused()
    {
        await Json.ProblemAsync(await _client.PostAsync("/api/imports/schools", new StringContent("code")), HttpStatusCode.UnsupportedMediaType);
        await Json.ProblemAsync(await _client.PostAsync("/api/imports/schools", new MultipartFormDataContent { { new StringContent("x"), "other" } }),
            HttpStatusCode.BadRequest);
        await Json.ProblemAsync(await _client.PostAsync("/api/imports/pupils", Upload("s.csv", Schools)), HttpStatusCode.NotFound);
        await Json.ProblemAsync(await _client.GetAsync("/api/imports/batches/987654"), HttpStatusCode.NotFound);
    }
}
