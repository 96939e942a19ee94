using Npgsql;
using RiskMap.Data.Queries;

namespace RiskMap.Web.Features.Health;

public static class HealthEndpoints
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (CatalogueQueries queries, CancellationToken cancellationToken) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(Timeout);
                try
                {
                    var postgis = await queries.PostgisVersionAsync(timeout.Token);
                    return Results.Ok(new { status = "ok", database = "reachable", postgis });
                }
                catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
                {
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unreachable",
                        detail: e is OperationCanceledException ? $"No answer from PostgreSQL within {Timeout.TotalSeconds:0} s." : e.Message);
                }
            })
            .WithTags("Health")
            .WithSummary("200 when PostgreSQL with PostGIS answers, 503 with the reason otherwise.");
    }
}
