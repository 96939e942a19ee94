using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Indicators;
using RiskMap.Core.Timeliness;
using RiskMap.TestSupport;
using RiskMap.Web.Tests.Access;
using RiskMap.Web.Tests.Feeds;

namespace RiskMap.Web.Tests.DataDelivery;

/// <summary>
/// The timeliness of indicator data as a steward and the akimats read it: an agency client expected for two indicators of
/// Almaty city pushes one quarter on time and one late and leaves one missing; its other indicator is due until its due
/// date passes (a clock moved forward); other callers see only their own region, the public nothing.
/// </summary>
public class DataDeliveryApiTests(FeedApp app) : IClassFixture<FeedApp>
{
    private const string Client = "police-timely";
    private const string Source = "client:" + Client;
    private const string Suicides = "suicides";
    private const string Referrals = "self_harm_referrals";
    private const string DataDeliveryFiles = "files";

    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    /// <summary>The quarter of today in Almaty: pushed now, its values are on time; those of two quarters before are late.</summary>
    private static readonly Quarter Current = Quarter.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Almaty).DateTime));

    private static readonly Quarter Late = Current.Previous().Previous();

    private static readonly Quarter Missing = Late.Previous();

    private static string Url(string? extra = null) => $"/api/data-delivery?from={Missing}&to={Current}{extra}";

    private async Task PushAsync()
    {
        var steward = await app.ClientAsAsync(Callers.Steward);
        var issued = await Json.ReadAsync(await steward.PostAsJsonAsync("/api/agency-clients", new
        {
            name = Client, description = "Police of Almaty city", indicators = new[] { Suicides, Referrals }, regions = new[] { Callers.Almaty },
        }), HttpStatusCode.Created);
        var feed = app.CreateClient();
        feed.DefaultRequestHeaders.Add("X-Api-Key", issued.GetProperty("key").GetString());
        foreach (var quarter in new[] { Current, Late })
        {
            await Json.ReadAsync(await feed.PostAsJsonAsync("/api/feeds/observations", new
            {
                batchKey = $"timely-{quarter}", sourceSystem = "erdr",
                values = new[] { new { level = "district", code = Callers.AlmatyDistrict, indicator = Suicides, period = quarter.ToString(), value = 2.0 } },
            }), HttpStatusCode.Created);
        }
    }

    private static Dictionary<(string Indicator, string Period), JsonElement> CellsOf(JsonElement report, string source) =>
        report.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("source").GetString() == source)
            .ToDictionary(c => (c.GetProperty("indicator").GetString()!, c.GetProperty("period").GetString()!));

    private static string Status(JsonElement cell) => cell.GetProperty("status").GetString()!;

    [Fact]
    public async Task A_client_s_quarters_read_received_late_missing_and_due_and_due_turns_missing_when_its_day_passes()
    {
        await PushAsync();
        var report = await Json.GetAsync(await app.ClientAsAsync(Callers.Analyst), Url($"&region={Callers.Almaty}"));
        var cells = CellsOf(report, Source);

        Assert.Equal("received", Status(cells[(Suicides, Current.ToString())]));
        Assert.Equal("late", Status(cells[(Suicides, Late.ToString())]));
        Assert.Equal("missing", Status(cells[(Suicides, Missing.ToString())]));
        Assert.Equal("due", Status(cells[(Referrals, Current.ToString())]));
        Assert.Equal(DeliveryRule.DueDate(Current).ToString("yyyy-MM-dd"), cells[(Suicides, Current.ToString())].GetProperty("dueDate").GetString());
        // One of Almaty city's districts has a value: completeness is its share of them.
        var received = cells[(Suicides, Current.ToString())];
        Assert.Equal(1, received.GetProperty("unitsWithValue").GetInt32());
        Assert.True(received.GetProperty("units").GetInt32() > 1);
        // The indicators no client covers are the steward's file imports' in the same region.
        Assert.Contains(report.GetProperty("cells").EnumerateArray(), c => c.GetProperty("source").GetString() == DataDeliveryFiles
            && c.GetProperty("indicator").GetString() == "bullying_reports");
        Assert.DoesNotContain(report.GetProperty("cells").EnumerateArray(), c => c.GetProperty("source").GetString() == DataDeliveryFiles
            && c.GetProperty("indicator").GetString() == Suicides);

        var summary = report.GetProperty("bySource").EnumerateArray().Single(s => s.GetProperty("key").GetString() == Source);
        Assert.Equal((1, 1, 1), (summary.GetProperty("received").GetInt32(), summary.GetProperty("late").GetInt32(), summary.GetProperty("due").GetInt32()));

        // A day after the current quarter's due date, what has still not arrived is missing.
        var later = new FixedClock(DeliveryRule.DueDate(Current).AddDays(1));
        await using var afterDue = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(later)));
        var analyst = afterDue.CreateClient();
        analyst.DefaultRequestHeaders.Authorization = (await app.ClientAsAsync(Callers.Analyst)).DefaultRequestHeaders.Authorization;
        var cellsLater = CellsOf(await Json.GetAsync(analyst, Url($"&region={Callers.Almaty}&source={Source}")), Source);
        Assert.Equal("missing", Status(cellsLater[(Referrals, Current.ToString())]));
        Assert.Equal("received", Status(cellsLater[(Suicides, Current.ToString())]));
    }

    [Fact]
    public async Task A_planner_reads_only_their_own_region_and_the_public_nothing()
    {
        var planner = await app.ClientAsAsync(Callers.Planner71);
        var own = await Json.GetAsync(planner, Url());
        Assert.All(own.GetProperty("cells").EnumerateArray(), c => Assert.Equal(Callers.Astana, c.GetProperty("region").GetString()));
        Assert.Equal([Callers.Astana], own.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.NotEmpty(own.GetProperty("cells").EnumerateArray());
        await Json.ProblemAsync(await planner.GetAsync(Url($"&region={Callers.Almaty}")), HttpStatusCode.Forbidden);
        await Json.ProblemAsync(await app.CreateClient().GetAsync(Url()), HttpStatusCode.Unauthorized);

        var steward = await Json.GetAsync(await app.ClientAsAsync(Callers.Steward), Url());
        Assert.Equal(20, steward.GetProperty("regions").GetArrayLength());
    }

    [Theory]
    [InlineData("?from=2025Q5", "from")]
    [InlineData("?from=2025Q4&to=2025Q1", "from")]
    [InlineData("?from=2000Q1&to=2025Q1", "from")]
    [InlineData("?source=police", "source")]
    [InlineData("?region=75", "region")]
    public async Task Bad_parameters_are_problems_naming_the_parameter(string query, string parameter)
    {
        var problem = await Json.ProblemAsync(await (await app.ClientAsAsync(Callers.Analyst)).GetAsync("/api/data-delivery" + query), HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    /// <summary>A clock at noon (Almaty) of one day.</summary>
    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(5)).ToUniversalTime();
    }
}
