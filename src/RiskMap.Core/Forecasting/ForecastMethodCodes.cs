namespace RiskMap.Core.Forecasting;

/// <summary>The stable codes of the forecast methods, as stored with a run and served by the API.</summary>
public static class ForecastMethodCodes
{
    public static string Code(this ForecastMethod method) => method switch
    {
        ForecastMethod.Model => "model",
        ForecastMethod.LastValue => "last-value",
        ForecastMethod.LastFourMean => "last-four-mean",
        ForecastMethod.HistoricalMean => "historical-mean",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static ForecastMethod FromCode(string code) => Enum.GetValues<ForecastMethod>().Single(m => m.Code() == code);
}
