using RiskMap.TestSupport;

namespace RiskMap.Web.Tests.Vintages;

/// <summary>
/// The scored demo app with the real 2018 boundaries already imported, copied from a template, for classes whose subject
/// is what follows the upload (<see cref="VintageImportApiTests"/> uploads them end to end).
/// </summary>
public class TwoVintagesApp() : ScoredDemoApp(new TwoVintagesDatabase());
