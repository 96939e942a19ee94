using RiskMap.Core.Geography;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Browser.Tests;

/// <summary>
/// The demo (2024 current) with the real 2018 regions and districts imported beside it, on a database of its own: its
/// tests switch the current vintage, which every other class's map would feel.
/// </summary>
public sealed class VintageBrowserApp() : BrowserApp(new DemoWith2018())
{
    private sealed class DemoWith2018 : DemoDatabase
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm1_2018.geojson"), new ImportOptions { Level = EntityLevel.Region });
            await ImportAsync(ImportKind.Boundaries, GeoData.File("kz_adm2_2018.geojson"), new ImportOptions { Level = EntityLevel.District });
        }
    }
}
