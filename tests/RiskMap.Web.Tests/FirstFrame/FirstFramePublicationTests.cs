using System.Net;
using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.FirstFrame;

/// <summary>A new publication gives a new first frame: a new ETag, and the map page holds the new run's frame.</summary>
public class FirstFramePublicationTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    [Fact]
    public async Task A_new_publication_changes_the_frames_etag_and_the_page_holds_the_new_frame()
    {
        var client = app.CreateClient();
        var before = await client.GetAsync(FirstFrameTests.Address);

        var steward = await app.ClientAsAsync("steward");
        Assert.Equal(HttpStatusCode.Accepted, (await steward.PostAsync("/api/score-runs", null)).StatusCode);
        await Eventually.HoldsAsync(async () =>
            (await Json.GetAsync(client, "/api/score-runs/current")).GetProperty("published") is { ValueKind: JsonValueKind.Object } published &&
            published.GetProperty("id").GetInt64() > app.FirstRun, "a new run to be published");
        await Eventually.HoldsAsync(async () => !Equals((await client.GetAsync(FirstFrameTests.Address)).Headers.ETag, before.Headers.ETag),
            "the frame of the new run");

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, FirstFrameTests.Address);
        revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(await after.Content.ReadAsStringAsync(), FirstFrameTests.InlineFrame(await client.GetStringAsync("/")));
    }
}
