using Npgsql;
using RiskMap.Data.Tiles;

namespace RiskMap.Web.Features.Tiles;

/// <summary>
/// Keeps the current <see cref="MapDataVersion"/> in memory, so serving a cached tile needs no database round trip.
/// It listens for the notification that imports and score publication raise (from any instance of the cluster) and
/// re-reads the version then, and every 30 s in case a notification was missed.
/// </summary>
public sealed class MapDataWatcher(NpgsqlDataSource dataSource, ILogger<MapDataWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(30);
    private volatile MapDataVersion? _current;

    public async Task<MapDataVersion> CurrentAsync() => _current ??= await MapDataVersion.ReadAsync(dataSource);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _current = null;
                await using (var listen = new NpgsqlCommand($"LISTEN {MapDataVersion.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _current = await MapDataVersion.ReadAsync(dataSource, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(Fallback, stoppingToken)) _current = await MapDataVersion.ReadAsync(dataSource, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                _current = null;
                logger.LogWarning("Map data watcher lost the database ({Message}); retrying in {Seconds} s", e.Message, Fallback.TotalSeconds);
                await Task.Delay(Fallback, stoppingToken);
            }
        }
    }
}
