using RiskMap.Core.Geography;

namespace RiskMap.Core.Tests;

public class KatoTests
{
    [Theory]
    [InlineData("101000000", "100000000")] // Semey → Abai region
    [InlineData("751110000", "750000000")] // an Almaty city district → Almaty
    [InlineData(" 623800000 ", "620000000")] // Ulytau district, with spaces around
    public void A_district_code_names_its_region(string text, string region)
    {
        Assert.True(Kato.TryParse(text, out var kato));
        Assert.Equal(region, kato.Region.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10100000")]
    [InlineData("1010000000")]
    [InlineData("10100000x")]
    [InlineData("'; DROP TABLE regions; --")]
    [InlineData("١٠١٠٠٠٠٠٠")] // Arabic-Indic digits are digits to .NET, but not KATO digits
    public void Anything_but_nine_ascii_digits_is_refused(string? text)
    {
        Assert.False(Kato.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => Kato.Parse(text));
    }
}
