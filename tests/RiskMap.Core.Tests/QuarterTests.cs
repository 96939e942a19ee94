using RiskMap.Core.Indicators;

namespace RiskMap.Core.Tests;

public class QuarterTests
{
    [Theory]
    [InlineData("2025Q3", 2025, 3)]
    [InlineData("2024q1", 2024, 1)]
    public void Quarters_are_read_from_their_usual_form(string text, int year, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(year, number), quarter);
        Assert.Equal($"{year}Q{number}", quarter.ToString());
    }

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025Q0")]
    [InlineData("2025-3")]
    [InlineData("25Q3")]
    [InlineData("1900Q1")]
    [InlineData("")]
    public void Malformed_quarters_are_refused(string text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void Quarters_step_across_years_and_order_in_time()
    {
        Assert.Equal(new Quarter(2025, 1), new Quarter(2024, 4).Next());
        Assert.Equal(new Quarter(2024, 4), new Quarter(2025, 1).Previous());
        Assert.True(new Quarter(2024, 4).CompareTo(new Quarter(2025, 1)) < 0);
    }
}
