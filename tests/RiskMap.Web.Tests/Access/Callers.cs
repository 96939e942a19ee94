using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Data.Access;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Tests.Access;

/// <summary>
/// The callers of the access tests (the demo users and the anonymous public), what each may see, and small helpers
/// shared by the access test classes.
/// </summary>
internal static class Callers
{
    public const string Anonymous = "anonymous";
    public const string Analyst = "analyst";
    public const string Planner75 = "planner-75";
    public const string Planner71 = "planner-71";
    public const string Education75 = "edu-75";
    public const string Steward = "steward";

    /// <summary>Almaty city, the region of planner-75 and edu-75.</summary>
    public const string Almaty = "750000000";

    /// <summary>Astana, the region of planner-71.</summary>
    public const string Astana = "710000000";

    /// <summary>A district of Almaty city (Alatau) and one of Astana.</summary>
    public const string AlmatyDistrict = "751110000";
    public const string AlmatyOtherDistrict = "751210000";
    public const string AstanaDistrict = "711110000";

    /// <summary>A school in Almaty city and one in Astana (demo codes are the district KATO and a number).</summary>
    public const string AlmatySchool = "D751110000-001";
    public const string AstanaSchool = "D711110000-001";

    public static readonly string[] All = [Anonymous, Analyst, Planner75, Planner71, Education75, Steward];

    /// <summary>Kostanay region, which holds two of the <see cref="SmallDistricts"/>.</summary>
    public const string Kostanay = "390000000";

    /// <summary>
    /// The demo districts with fewer pupils than Access:MinimumPupilsForClass (default 1,000): Priozersk (Karaganda
    /// region, 759 pupils), Lisakovsk and Rudnyy (Kostanay region, 697 and 844). No region is that small.
    /// </summary>
    public static readonly string[] SmallDistricts = ["352100000", "392000000", "392400000"];

    /// <summary>Callers with a role that sees school-level data (within their scope).</summary>
    public static bool SeesSchools(string caller) => caller is Analyst or Planner75 or Planner71 or Education75;

    /// <summary>Whether the caller sees the scores of a unit in the region in detail.</summary>
    public static bool SeesInDetail(string caller, string? regionKato) => caller switch
    {
        Analyst => true,
        Planner75 or Education75 => regionKato == Almaty,
        Planner71 => regionKato == Astana,
        _ => false,
    };

    /// <summary>Whether the caller sees a unit's class: always in detail, else unless it is one of the <see cref="SmallDistricts"/>.</summary>
    public static bool SeesClass(string caller, string? regionKato, string code) =>
        SeesInDetail(caller, regionKato) || !SmallDistricts.Contains(code);

    /// <summary>The region whose schools a scoped caller sees; null for the analyst (all) and for those who see none.</summary>
    public static string? SchoolRegion(string caller) => caller switch
    {
        Planner75 or Education75 => Almaty,
        Planner71 => Astana,
        _ => null,
    };

    /// <summary>A client for the caller: the anonymous public gets no credentials, the others a bearer token.</summary>
    public static async Task<HttpClient> ClientForAsync<TDatabase>(this RiskMapWebFactory<TDatabase> app, string caller)
        where TDatabase : TestDatabase, new() =>
        caller == Anonymous ? app.CreateClient() : await app.ClientAsAsync(caller);

    /// <summary>A user the test creates directly in the database (so no other test's user is locked or changed), with a bearer token.</summary>
    public static async Task<HttpClient> ClientForNewUserAsync<TDatabase>(this RiskMapWebFactory<TDatabase> app, string username, Role role,
        string? scopeKato, string password = "correct-horse-battery") where TDatabase : TestDatabase, new()
    {
        var users = app.Database.Services.GetRequiredService<UserStore>();
        if (await users.FindAsync(username) is null)
            await users.CreateAsync(new NewUser(username, username, role, scopeKato, new Passwords().Hash(password)));
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { username, password });
        var token = (await Json.ReadAsync(response, HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
        var client = app.CreateClient();
        client.UseToken(token);
        return client;
    }

    /// <summary>The slippy-map tile (x, y) holding a point at a zoom.</summary>
    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var latRad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * n);
        return (x, y);
    }

    /// <summary>The URL of the tile of a layer at a zoom holding a point inside the unit (table "regions" or "districts").</summary>
    public static async Task<string> TileUrlAsync(this TestDatabase database, string layer, int z, string table, string kato)
    {
        var (lon, lat) = (await database.QueryAsync<(double, double)>(
            $"SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM {table} WHERE kato = @kato) s", new { kato }))[0];
        var (x, y) = TileOf(lon, lat, z);
        return $"/tiles/{layer}/{z}/{x}/{y}.mvt";
    }

    /// <summary>The features of a single-layer tile, or none for 204.</summary>
    public static async Task<IReadOnlyList<MvtFeature>> TileFeaturesAsync(HttpResponseMessage response, string layer)
    {
        if (response.StatusCode == HttpStatusCode.NoContent) return [];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var layers = MvtReader.Read(await response.Content.ReadAsByteArrayAsync());
        return Assert.Single(layers, l => l.Name == layer).Features;
    }

    /// <summary>The features of a GeoJSON FeatureCollection.</summary>
    public static List<JsonElement> FeaturesOf(JsonElement collection) => collection.GetProperty("features").EnumerateArray().ToList();

    public static string? Property(JsonElement feature, string name) =>
        feature.GetProperty("properties").TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    /// <summary>A multipart upload in the field "file", as the import API expects.</summary>
    public static MultipartFormDataContent Upload(string fileName, string content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Asserts a refusal: 401 for the anonymous public, 403 for a signed-in caller, each as an RFC 9457 problem.</summary>
    public static async Task<JsonElement> RefusalAsync(HttpResponseMessage response, string caller)
    {
        var expected = caller == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        var problem = await Json.ProblemAsync(response, expected);
        Assert.Equal(caller == Anonymous ? "sign-in-required" : "forbidden", problem.GetProperty("code").GetString());
        return problem;
    }
}
