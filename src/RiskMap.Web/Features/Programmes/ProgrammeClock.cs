namespace RiskMap.Web.Features.Programmes;

/// <summary>Today's date in Kazakhstan, which decides whether a measure is overdue.</summary>
public sealed class ProgrammeClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Almaty).DateTime);
}
