using System.Globalization;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests.Vintages;

/// <summary>Two districts overlapping by a strip within the import tolerance: geometry, not code order, places a school there.</summary>
public class SchoolPlacementTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly TempFiles _files = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _files.Dispose();
    }

    private static string Box(string kato, string name, double west, double east, string level) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"type":"Feature","properties":{"KATO":"{{{kato}}}","{{{level}}}_KK":"{{{name}}}","{{{level}}}_RU":"{{{name}}}","{{{level}}}_EN":"{{{name}}}","Year":2024},
         "geometry":{"type":"Polygon","coordinates":[[[{{{west}}},43],[{{{east}}},43],[{{{east}}},44],[{{{west}}},44],[{{{west}}},43]]]}}
        """);

    private string Collection(string name, params string[] features) =>
        _files.Write(name, $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""");

    [Fact]
    public async Task A_school_in_two_districts_goes_to_the_one_it_lies_inside_and_deeper_in_not_to_the_lower_code()
    {
        await _db.ImportAsync(ImportKind.Boundaries, Collection("region.geojson", Box("750000000", "Region", 76, 77, "ADM1")));
        // East (lower code) from 76.5; West (higher code) to 76.502: a strip of about 18 km² lies in both.
        var districts = await _db.ImportAsync(ImportKind.Boundaries, Collection("districts.geojson",
            Box("751110000", "East", 76.5, 77, "ADM2"), Box("751210000", "West", 76, 76.502, "ADM2")));
        Assert.Empty(districts.Warnings);
        await _db.ImportAsync(ImportKind.Schools, _files.Write("schools.csv", """
            code,name,lat,lon
            ON-EAST-EDGE,On the east district's edge,43.5,76.5
            NEARER-WEST,Deeper in the west district,43.5,76.5005
            NEARER-EAST,Deeper in the east district,43.5,76.5018
            """));

        var placed = (await _db.QueryAsync<(string Code, string District)>("SELECT code, district_kato FROM schools")).ToDictionary(s => s.Code, s => s.District);
        Assert.Equal("751210000", placed["ON-EAST-EDGE"]);
        Assert.Equal("751210000", placed["NEARER-WEST"]);
        Assert.Equal("751110000", placed["NEARER-EAST"]);
    }
}
