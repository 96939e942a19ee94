using Microsoft.Extensions.DependencyInjection;
using RiskMap.Core.Access;
using RiskMap.Data.Imports;
using RiskMap.Data.Scoring;
using RiskMap.Data.Tiles;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>
/// A test database in the test process's <see cref="PostGisContainer"/> even when RISKMAP_TEST_PG names a server, so
/// every run proves the Testcontainers path; it fails, saying why, when no container can be started.
/// </summary>
public sealed class ContainerDatabase : TestDatabase
{
    protected override Task<TestServer> ServerAsync() => PostGisContainer.ServerAsync();
}

public class ContainerDatabaseTests(ContainerDatabase db) : IClassFixture<ContainerDatabase>, IDisposable
{
    private const string Quarter = "2025Q1";
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_container_from_the_test_image_migrates_imports_the_real_boundaries_scores_and_draws_a_vector_tile()
    {
        Assert.Same(await PostGisContainer.ServerAsync(), db.Server);
        Assert.StartsWith("15.", await db.ScalarAsync<string>("SHOW server_version"));

        await db.ImportBoundariesAsync();
        var districts = await db.QueryAsync<string>("SELECT kato FROM districts ORDER BY kato");
        Assert.Equal((20, 224), (await db.ScalarAsync<int>("SELECT count(*) FROM regions"), districts.Count));
        // Two shares per district, spread so the districts fall into different classes.
        await db.ImportAsync(ImportKind.Indicators, _files.Write("values.csv", "entity_level,entity_code,indicator,period,value,denominator\n" +
            string.Concat(districts.Select((kato, i) =>
                $"district,{kato},chronic_absence_share,{Quarter},{5 + i * 7 % 30},1000\ndistrict,{kato},screening_high_risk_share,{Quarter},{3 + i * 5 % 20},1000\n"))));
        var outcome = await db.Services.GetRequiredService<ScoreRunService>().RunAsync(ScoreTrigger.Manual, "test");
        Assert.Equal(ScoreRunStatus.Succeeded, outcome.Status);

        // Akmola and Astana at zoom 6, as the analyst's map asks for it.
        var tile = await db.Services.GetRequiredService<TileQueries>().TileAsync(TileLayer.Districts, 6, 44, 21, outcome.RunId, Quarter,
            AccessScope.For("analyst", Role.Analyst));
        var drawn = MvtReader.Read(tile).Single(l => l.Name == TileLayer.Districts.Name).Features
            .ToDictionary(f => (string)f.Attributes["kato"], f => (Score: Convert.ToDouble(f.Attributes["score"]), Class: Convert.ToInt32(f.Attributes["class"])));
        var stored = (await db.QueryAsync<(string Code, double Score, int Class)>(
                "SELECT code, round(score::numeric, 2)::float8, class FROM score_results WHERE run_id = @run AND level = 'district' AND period = @Quarter",
                new { run = outcome.RunId, Quarter }))
            .ToDictionary(r => r.Code, r => (r.Score, r.Class));
        Assert.Contains("711210000", drawn.Keys);
        Assert.True(drawn.Values.Select(d => d.Class).Distinct().Count() > 1, "the tile's districts all fell into one class");
        Assert.All(drawn, d => Assert.Equal(stored[d.Key], d.Value));
    }
}
