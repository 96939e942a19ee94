namespace RiskMap.Web.Features.Programmes;

/// <summary>The time in Kazakhstan (Asia/Almaty): today's date decides whether a measure is overdue; documents are dated by it.</summary>
public sealed class ProgrammeClock(TimeProvider time)
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Almaty);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
