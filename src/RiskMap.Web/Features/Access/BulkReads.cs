using RiskMap.Core.Geography;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// Bulk child data — every export file, and school-level tables and lists — are audited with their row count and count
/// towards the per-user limit Access:ExportsPerMinute, whichever endpoint serves them.
/// </summary>
public static class BulkReads
{
    /// <summary>Marks an endpoint whose answers are bulk child data when <paramref name="Applies"/> says so for the request.</summary>
    public sealed record Marker(Func<HttpContext, bool> Applies);

    /// <summary>Rate-limits the endpoint's bulk reads together with every other bulk read of the same user.</summary>
    public static RouteHandlerBuilder AsBulkRead(this RouteHandlerBuilder endpoint, Func<HttpContext, bool>? applies = null) => endpoint
        .WithMetadata(new Marker(applies ?? (_ => true)))
        .RequireRateLimiting(AccessSetup.ExportLimit)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Whether the request reads a table of schools (<c>?level=school</c>, read as the endpoints read it).</summary>
    public static bool OfSchools(HttpContext http) => EntityLevels.TryParse(http.Request.Query["level"], out var level) && level == EntityLevel.School;

    /// <summary>Whether the request counts towards the bulk-read limit.</summary>
    public static bool Counts(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is { } marker && marker.Applies(http);

    /// <summary>The rows passing through, counted for the audit entry once the answer has been written.</summary>
    public sealed class RowCounter<T>
    {
        public int Rows { get; private set; }

        public async IAsyncEnumerable<T> Count(IAsyncEnumerable<T> rows)
        {
            await foreach (var row in rows)
            {
                Rows++;
                yield return row;
            }
        }
    }
}
