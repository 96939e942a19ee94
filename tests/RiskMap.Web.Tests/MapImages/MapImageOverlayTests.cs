using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Core.HotSpots;
using RiskMap.Core.Maps;
using RiskMap.TestSupport;
using RiskMap.Web.Features.FirstFrame;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Tests.Programmes;
using SkiaSharp;
using static RiskMap.Web.Tests.Access.Callers;

namespace RiskMap.Web.Tests.MapImages;

/// <summary>
/// The overlays of map images: a programme's targets hatched in the target colour only where targeted and only for a
/// caller who may read the programme (as the programme API decides), the emerging hot spots as discs in their category's
/// colour only on units the caller sees in full, each with its legend entry and its own cache entry.
/// </summary>
public class MapImageOverlayTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    private const string Png = MapImageProbe.Png;

    private static Task<SKBitmap> PngAsync(HttpClient client, string query) => MapImageProbe.PngAsync(client, query);

    private static MapImageRequest Request(string query)
    {
        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        return MapImageRequest.Parse(parameters["level"], parameters["region"], parameters["district"], null, null, null, null, "en", null,
            parameters["width"], parameters["height"], parameters["targets"], parameters["hotspots"]);
    }

    private Task<MapPicture> PictureAsync(string query, AccessScope scope) => MapImageProbe.PictureAsync(app, Request(query), scope);

    private Task<(int X, int Y)> PixelOfAsync(string kato, string query, AccessScope scope) => MapImageProbe.PixelOfAsync(app, kato, Request(query), scope);

    private SKColor TargetColour => SKColor.Parse(app.Services.GetRequiredService<FrontEndLook>().Overlays.Target.Color);

    /// <summary>Pixels within 6 pixels of a point in (nearly) the colour.</summary>
    private static int PixelsNear(SKBitmap image, (int X, int Y) at, SKColor colour, int tolerance = 12)
    {
        var count = 0;
        for (var y = at.Y - 6; y <= at.Y + 6; y++)
        for (var x = at.X - 6; x <= at.X + 6; x++)
        {
            var p = image.GetPixel(x, y);
            if (Math.Abs(p.Red - colour.Red) <= tolerance && Math.Abs(p.Green - colour.Green) <= tolerance && Math.Abs(p.Blue - colour.Blue) <= tolerance) count++;
        }
        return count;
    }

    private async Task<long> AlmatyProgrammeAsync(HttpClient planner, params string[] districts)
    {
        var programme = (await ProgrammeClient.CreateAsync(planner, "Алатау: қауіпсіз мектеп")).Id();
        foreach (var district in districts) await ProgrammeClient.AddTargetAsync(planner, programme, "district", district);
        return programme;
    }

    [Fact]
    public async Task A_targeted_district_is_hatched_in_the_target_colour_and_an_untargeted_one_is_not()
    {
        var planner = await app.ClientAsAsync(Planner75);
        var programme = await AlmatyProgrammeAsync(planner, AlmatyDistrict);
        var scope = AccessScope.For(Planner75, Role.Planner, Almaty);
        var plain = $"region={Almaty}&width=1600&height=1000";
        var overlaid = $"{plain}&targets={programme}";

        using var withTargets = await PngAsync(planner, overlaid);
        using var without = await PngAsync(planner, plain);
        var picture = await PictureAsync(overlaid, scope);

        Assert.True(PixelsNear(withTargets, await PixelOfAsync(AlmatyDistrict, overlaid, scope), TargetColour) > 5);
        Assert.Equal(0, PixelsNear(withTargets, await PixelOfAsync(AlmatyOtherDistrict, overlaid, scope), TargetColour));
        Assert.Equal(0, PixelsNear(without, await PixelOfAsync(AlmatyDistrict, plain, scope), TargetColour));
        Assert.Contains(picture.Title, line => line.Contains("Алатау: қауіпсіз мектеп"));
    }

    [Fact]
    public async Task A_new_target_makes_a_new_image_not_the_cached_one()
    {
        var planner = await app.ClientAsAsync(Planner75);
        var programme = await AlmatyProgrammeAsync(planner, AlmatyDistrict);
        var query = $"region={Almaty}&width=700&height=500&targets={programme}";
        using var before = await PngAsync(planner, query);

        await ProgrammeClient.AddTargetAsync(planner, programme, "district", AlmatyOtherDistrict);
        using var after = await PngAsync(planner, query);

        Assert.NotEqual(before.Bytes, after.Bytes);
        Assert.True(PixelsNear(after, await PixelOfAsync(AlmatyOtherDistrict, query, AccessScope.For(Planner75, Role.Planner, Almaty)), TargetColour) > 5);
    }

    [Fact]
    public async Task A_planner_may_not_overlay_another_regions_programme_as_the_programme_api_refuses_it()
    {
        var astana = (await ProgrammeClient.CreateAsync(await app.ClientAsAsync(Planner71), "Астана: программа")).Id();
        var planner = await app.ClientAsAsync(Planner75);

        var image = await planner.GetAsync($"{Png}?targets={astana}&width=400&height=300");
        var programme = await planner.GetAsync($"/api/programmes/{astana}");

        Assert.Equal(HttpStatusCode.NotFound, image.StatusCode);
        Assert.Equal(programme.StatusCode, image.StatusCode);
        Assert.Equal("application/problem+json", image.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Anonymous, "hotspots=emerging", HttpStatusCode.Unauthorized)]
    [InlineData(Steward, "hotspots=emerging", HttpStatusCode.Forbidden)]
    [InlineData(Anonymous, "targets=1", HttpStatusCode.Unauthorized)]
    [InlineData(Steward, "targets=1", HttpStatusCode.Forbidden)]
    [InlineData(Analyst, "targets=999999", HttpStatusCode.NotFound)]
    public async Task Overlays_are_refused_as_their_own_apis_refuse_them(string caller, string overlay, HttpStatusCode status)
    {
        var client = caller == Anonymous ? app.CreateClient() : await app.ClientAsAsync(caller);

        var answer = await client.GetAsync($"{Png}?{overlay}&width=400&height=300");

        Assert.Equal(status, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_planner_sees_hot_spots_only_inside_the_own_region_where_the_analyst_sees_them_all()
    {
        const string Query = "width=1600&height=1000&hotspots=emerging";
        var analystScope = AccessScope.For(Analyst, Role.Analyst, null);
        var plannerScope = AccessScope.For(Planner75, Role.Planner, Almaty);
        var analystPicture = await PictureAsync(Query, analystScope);
        var plannerPicture = await PictureAsync(Query, plannerScope);
        var regionOf = (await app.Database.QueryAsync<(string Kato, string Region)>("SELECT kato, region_kato FROM districts")).ToDictionary(d => d.Kato, d => d.Region);
        // A hot or cold spot outside Almaty city, and where its disc is drawn for each caller.
        var (outside, category) = analystPicture.HotSpots!.Units.First(u => regionOf[u.Key] != Almaty);
        var fill = SKColor.Parse(app.Services.GetRequiredService<FrontEndLook>().Overlays.Emerging.Style(category).Fill);
        var shape = analystPicture.Units.Single(u => u.Kato == outside);
        var drawing = app.Services.GetRequiredService<MapImageDrawing>();
        (int, int) DiscOf(MapPicture picture)
        {
            var point = InteriorPoint.Of(shape)!.Value;
            var (x, y) = drawing.Frame(picture).Point(point.Longitude, point.Latitude);
            return ((int)Math.Round(x), (int)Math.Round(y));
        }

        using var analystImage = await PngAsync(await app.ClientAsAsync(Analyst), Query);
        using var plannerImage = await PngAsync(await app.ClientAsAsync(Planner75), Query);

        Assert.All(plannerPicture.HotSpots!.Units.Keys, kato => Assert.Equal(Almaty, regionOf[kato]));
        Assert.DoesNotContain(EmergingCategory.NoPattern, analystPicture.HotSpots.Units.Values);
        Assert.True(PixelsNear(analystImage, DiscOf(analystPicture), fill, tolerance: 2) > 20);
        Assert.Equal(0, PixelsNear(plannerImage, DiscOf(plannerPicture), fill, tolerance: 2));
    }
}
