using System.Net;
using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.FirstFrame;

/// <summary>With nothing published there is no frame to draw: the endpoint says so and the map page links none.</summary>
[Collection(DemoAppCollection.Name)]
public class UnpublishedFirstFrameTests(DemoApp app)
{
    [Fact]
    public async Task With_nothing_published_there_is_no_frame_and_the_page_links_none()
    {
        var client = app.CreateClient();

        await Json.ProblemAsync(await client.GetAsync(FirstFrameTests.Address), HttpStatusCode.NotFound);
        Assert.DoesNotContain("first-frame", await client.GetStringAsync("/"));
    }
}
