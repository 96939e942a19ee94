using Microsoft.Extensions.Logging;

namespace RiskMap.Data.Imports;

/// <summary>
/// Keeps a running batch's lease alive while its import runs, renewing it three times per lease from a timer of its
/// own, so that a long statement of the import does not let it lapse. A process that dies (kill -9, a lost machine)
/// renews nothing, and its batch reads as interrupted once the lease runs out.
/// </summary>
public sealed class BatchLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public BatchLease(ImportBatchLog log, long batchId, TimeSpan lease, ILogger logger) =>
        _renewing = RenewAsync(log, batchId, lease, logger, _stop.Token);

    private static async Task RenewAsync(ImportBatchLog log, long batchId, TimeSpan lease, ILogger logger, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await log.RenewLeaseAsync(batchId, lease, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next tick tries again; if the database stays away the lease lapses, which is what it is for.
                    logger.LogWarning(e, "Import batch {BatchId}: its lease could not be renewed", batchId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }
}
