using System.Diagnostics;

namespace RiskMap.TestSupport;

/// <summary>
/// The one way tests wait: poll a condition until it holds or a generous deadline passes, then fail saying what was
/// awaited. Deadlines are for a busy 2-core machine; a condition that holds returns at once.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string awaited, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        var pause = TimeSpan.FromMilliseconds(50);
        while (!await condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {awaited}.");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1_000));
        }
    }
}
