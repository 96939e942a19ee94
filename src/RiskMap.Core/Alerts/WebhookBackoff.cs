namespace RiskMap.Core.Alerts;

/// <summary>How long a failed webhook delivery waits before its next attempt: exponential, from a first delay up to a cap.</summary>
public sealed record WebhookBackoff(TimeSpan First, TimeSpan Max, int MaxAttempts)
{
    /// <summary>The delay after the given failed attempt (1 for the first): First, 2×First, 4×First… at most Max.</summary>
    public TimeSpan After(int attempt) => TimeSpan.FromTicks(Math.Min(Max.Ticks, First.Ticks * (1L << Math.Clamp(attempt - 1, 0, 30))));
}
