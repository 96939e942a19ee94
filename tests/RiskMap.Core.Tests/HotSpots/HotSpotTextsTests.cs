using RiskMap.Core.HotSpots;
using RiskMap.Core.Localization;

namespace RiskMap.Core.Tests.HotSpots;

public class HotSpotTextsTests
{
    [Fact]
    public void Every_category_has_its_own_name_in_Kazakh_Russian_and_English()
    {
        var categories = Enum.GetValues<EmergingCategory>();

        foreach (var language in Languages.All)
        {
            var names = categories.Select(c => HotSpotTexts.Name(c, language)).ToList();
            Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
            Assert.Equal(categories.Length, names.Distinct().Count());
        }
        Assert.Equal(3, Languages.All.Select(l => HotSpotTexts.Name(EmergingCategory.NewColdSpot, l)).Distinct().Count());
    }
}
