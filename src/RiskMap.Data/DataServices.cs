using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RiskMap.Core.Privacy;
using RiskMap.Core.Quarantine;
using RiskMap.Data.Geometry;
using RiskMap.Data.Imports;
using RiskMap.Data.Model;
using RiskMap.Data.Queries;
using RiskMap.Data.Schema;

namespace RiskMap.Data;

public static class DataServices
{
    /// <summary>Registers the PostgreSQL data source, migrations, importers and queries.</summary>
    /// <param name="ownerConnectionString">The schema owner's connection, for migrations; null to migrate with <paramref name="connectionString"/>.</param>
    /// <param name="smallAreas">When the queries withhold a region's or district's class; null for the default minimum of pupils.</param>
    /// <param name="pool">The connection pool's size and waits; null for the defaults.</param>
    /// <param name="quarantine">The thresholds of the quarantine of indicator values; null for the defaults.</param>
    public static IServiceCollection AddRiskMapData(this IServiceCollection services, string connectionString, ImportLimits limits,
        Scoring.ScoringOptions? scoring = null, string? ownerConnectionString = null, SmallAreaSuppression? smallAreas = null,
        ConnectionPoolOptions? pool = null, QuarantineOptions? quarantine = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "No database configured. Set ConnectionStrings__RiskMap (e.g. Host=127.0.0.1;Database=riskmap;Username=riskmap;Password=…) " +
                "or run ./riskmap up, which starts a local PostgreSQL and sets it.");
        services.AddSingleton(pool ?? new ConnectionPoolOptions());
        services.AddSingleton(provider => ConnectionPool.Build(connectionString, provider.GetRequiredService<ConnectionPoolOptions>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConnectionPool))));
        services.AddSingleton(provider => string.IsNullOrWhiteSpace(ownerConnectionString)
            ? OwnerDataSource.SameAs(provider.GetRequiredService<NpgsqlDataSource>())
            : OwnerDataSource.Connect(ownerConnectionString));
        // The model's writes go through the service's own data source: the runtime role, never the schema owner.
        services.AddDbContextFactory<RiskMapDbContext>((provider, options) =>
            options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.UseNetTopologySuite()));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton(limits);
        services.AddSingleton(scoring ?? new Scoring.ScoringOptions());
        services.AddSingleton(smallAreas ?? new SmallAreaSuppression());
        services.AddSingleton(quarantine ?? new QuarantineOptions());
        services.AddSingleton<Quarantine.QuarantineGate>();
        services.AddSingleton<Quarantine.HeldValues>();
        services.AddSingleton<CoordinateSystemResolver>();
        services.AddSingleton<ImportBatchLog>();
        services.AddSingleton<IImporter, BoundaryImporter>();
        services.AddSingleton<IImporter, SchoolImporter>();
        services.AddSingleton<IImporter, ObservationImporter>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<Feeds.AgencyClientStore>();
        services.AddSingleton<Feeds.FeedService>();
        services.AddSingleton<Timeliness.DeliveryQueries>();
        services.AddSingleton<GeographyQueries>();
        services.AddSingleton<SchoolQueries>();
        services.AddSingleton<UnitSearch>();
        services.AddSingleton<CatalogueQueries>();
        services.AddSingleton<CountQueries>();
        services.AddSingleton<CountDisclosure>();
        services.AddSingleton<UnitGeometryQueries>();
        services.AddSingleton<ImportBatchQueries>();
        services.AddSingleton<Demo.DemoDataLoader>();
        services.AddSingleton<Scoring.ScoreRunService>();
        services.AddSingleton<Scoring.ScoreQueries>();
        services.AddSingleton<Scoring.ScoreComparisonQueries>();
        services.AddSingleton<Scoring.IndicatorValueQueries>();
        services.AddSingleton<Scoring.ScoreRunQueries>();
        services.AddSingleton<HotSpots.EmergingHotSpotQueries>();
        services.AddSingleton<Forecasting.ForecastQueries>();
        services.AddSingleton<Alerts.AlertQueries>();
        services.AddSingleton<Alerts.AlertRuleStore>();
        services.AddSingleton<Alerts.WebhookStore>();
        services.AddSingleton<Scoring.WeightCatalogue>();
        services.AddSingleton<Tiles.TileQueries>();
        services.AddSingleton<Ogc.FeatureCollections>();
        services.AddSingleton<Access.UserStore>();
        services.AddSingleton<Access.AuditLog>();
        services.AddSingleton<Programmes.ProgrammeStore>();
        services.AddSingleton<Programmes.MeasureStore>();
        services.AddSingleton<Programmes.ScoreSeries>();
        services.AddSingleton<Rating.RatingQueries>();
        services.AddSingleton<Rating.RatingEffects>();
        services.AddSingleton<Vintages.VintageSwitch>();
        services.AddSingleton<Vintages.VintageQueries>();
        services.AddSingleton<Vintages.VintageDeletion>();
        services.AddSingleton<Vintages.UnitRetirement>();
        services.AddSingleton<Vintages.VintageDates>();
        services.AddSingleton<Vintages.BoundaryCrosswalk>();
        services.AddSingleton<Vintages.CarriedHistory>();
        return services;
    }
}
