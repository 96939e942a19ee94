using RiskMap.Core.Privacy;

namespace RiskMap.Core.Tests.Privacy;

public class SmallAreaSuppressionTests
{
    private static readonly SmallAreaSuppression Default = new();

    [Fact]
    public void The_default_minimum_is_a_thousand_pupils() => Assert.Equal(1_000, Default.MinimumPupils);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(697)]
    [InlineData(999)]
    public void A_unit_with_fewer_pupils_than_the_minimum_has_its_class_withheld_from_a_caller_without_detail(long pupils) =>
        Assert.True(Default.WithholdsClass(pupils, callerSeesDetail: false));

    [Theory]
    [InlineData(1_000)]
    [InlineData(1_001)]
    [InlineData(3_700_000)]
    public void A_unit_with_at_least_the_minimum_shows_its_class_to_everyone(long pupils) =>
        Assert.False(Default.WithholdsClass(pupils, callerSeesDetail: false));

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1_000)]
    public void A_caller_with_detail_on_the_unit_always_sees_its_class(long pupils) =>
        Assert.False(Default.WithholdsClass(pupils, callerSeesDetail: true));

    [Fact]
    public void The_minimum_is_configurable_and_zero_withholds_nothing()
    {
        var strict = new SmallAreaSuppression(50_000);
        Assert.True(strict.WithholdsClass(41_444, callerSeesDetail: false));
        Assert.False(strict.WithholdsClass(50_000, callerSeesDetail: false));
        Assert.False(new SmallAreaSuppression(0).WithholdsClass(0, callerSeesDetail: false));
    }

    [Fact]
    public void A_negative_minimum_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmallAreaSuppression(-1));
}
