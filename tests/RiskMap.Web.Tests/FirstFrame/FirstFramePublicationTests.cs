using System.Net;
using System.Text.Json;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.FirstFrame;

/// <summary>A new publication gives a new first frame: a new ETag and a new address in the map page.</summary>
public class FirstFramePublicationTests(ScoredDemoApp app) : IClassFixture<ScoredDemoApp>
{
    [Fact]
    public async Task A_new_publication_changes_the_frames_etag_and_address()
    {
        var client = app.CreateClient();
        var before = await client.GetAsync(FirstFrameTests.Address);
        var addressBefore = FirstFrameTests.FrameAddress(await client.GetStringAsync("/"));

        var steward = await app.ClientAsAsync("steward");
        Assert.Equal(HttpStatusCode.Accepted, (await steward.PostAsync("/api/score-runs", null)).StatusCode);
        await Eventually.HoldsAsync(async () =>
            (await Json.GetAsync(client, "/api/score-runs/current")).GetProperty("published") is { ValueKind: JsonValueKind.Object } published &&
            published.GetProperty("id").GetInt64() > app.FirstRun, "a new run to be published");

        await Eventually.HoldsAsync(async () => FirstFrameTests.FrameAddress(await client.GetStringAsync("/")) != addressBefore,
            "the map page to link a new frame");
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, FirstFrameTests.Address);
        revalidation.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }
}
