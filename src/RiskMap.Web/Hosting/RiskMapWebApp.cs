using Microsoft.AspNetCore.Http.Features;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Features.Briefs;
using RiskMap.Web.Features.Quarantine;
using RiskMap.Web.Features.Catalogue;
using RiskMap.Web.Features.Counts;
using RiskMap.Web.Features.DataDelivery;
using RiskMap.Web.Features.Alerts;
using RiskMap.Web.Features.EmergingHotSpots;
using RiskMap.Web.Features.Forecasts;
using RiskMap.Web.Features.Exports;
using RiskMap.Web.Features.Feeds;
using RiskMap.Web.Features.FirstFrame;
using RiskMap.Web.Features.Geography;
using RiskMap.Web.Features.Health;
using RiskMap.Web.Features.Hotspots;
using RiskMap.Web.Features.Imports;
using RiskMap.Web.Features.MapImages;
using RiskMap.Web.Features.Jobs;
using RiskMap.Web.Features.Scoring;
using RiskMap.Web.Features.Tiles;
using RiskMap.Web.Features.Vintages;
using RiskMap.Web.Features.Ogc;
using RiskMap.Web.Features.Programmes;
using RiskMap.Web.Features.Rating;
using RiskMap.Web.Hosting.OpenApi;

using RiskMap.Web.Features.Alerts.Webhooks;

namespace RiskMap.Web.Hosting;

/// <summary>Builds the web application: services, the HTTP pipeline and the endpoints of each feature.</summary>
public static class RiskMapWebApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = LocateWebRoot(),
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://127.0.0.1:5080");

        builder.Services.AddRiskMap(builder.Configuration);
        // Off where a deployment job applies migrations before the service starts.
        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true)) builder.Services.AddHostedService<MigrateOnStartup>();
        var jobServer = builder.Configuration.GetValue("Scheduler:Enabled", true);
        if (jobServer)
        {
            builder.Services.AddBackgroundJobs(builder.Configuration);
            builder.Services.AddHostedService<ScoringSchedule>();
        }
        builder.Services.AddSingleton<MapDataWatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MapDataWatcher>());
        builder.Services.AddSingleton<TileCache>();
        builder.Services.AddSingleton(services => FrontEndLook.Read(services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        builder.Services.AddSingleton<FirstFrameMaker>();
        builder.Services.AddMapImages();
        builder.Services.AddBriefs();
        builder.Services.AddSingleton<Features.Scoring.IndicatorValues>();
        builder.Services.AddProgrammes();
        builder.Services.AddSingleton<RatingReport>();
        builder.Services.AddSingleton<RatingDelivery>();
        builder.Services.AddSingleton<DataDeliveryReport>();
        builder.Services.AddAlertWebhooks(builder.Configuration, jobServer);
        builder.Services.AddErrorProblems();
        builder.Services.AddSingleton<PublicOrigin>();
        builder.Services.AddHostCheck();
        builder.ConfigureRequestLimits();
        builder.Services.AddExceptionHandler<TextInputGuard.DatabaseTextRefusal>();
        builder.Services.AddRiskMapAccess(builder.Configuration);
        builder.Services.AddAgencyFeeds(builder.Configuration);
        builder.Services.AddOpenApi(options =>
        {
            // OGC API – Features declares the OpenAPI 3.0 conformance class.
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "RiskMap API";
                document.Info.Description = "Child-protection risk map of Kazakhstan: boundaries, schools, indicators, imports, scores, tiles and OGC API – Features.";
                // A generated client appends "/api/…" to the server's URL: a trailing slash would double it.
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<SecuritySchemes>();
            options.AddDocumentTransformer<TagDescriptions>();
            options.AddSchemaTransformer<ClientSchemas>();
            options.AddDocumentTransformer<ClientSchemas>();
            options.AddSchemaTransformer<ProblemSchemas>();
            options.AddSchemaTransformer<AlertRuleEnumSchemas>();
            options.AddOperationTransformer<OperationIds>();
            options.AddOperationTransformer<OperationSecurity>();
            options.AddOperationTransformer<OperationExamples>();
        });
        var uploadLimit = builder.Configuration.GetValue("Imports:MaxFileBytes", 256L * 1024 * 1024);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = uploadLimit);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = uploadLimit + 1024 * 1024);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UsePrivateCaching();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHostCheck();
        app.UseRequestLimits();
        app.UseTextInputGuard();
        app.UseDefaultFiles();
        app.UseFrontEndBundles();
        app.UseStaticFiles();
        app.UseRiskMapAccess();

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "RiskMap API v1");
            o.RoutePrefix = "swagger";
        });

        if (jobServer) app.MapJobsDashboard();
        app.MapMapPage();
        app.MapHealthEndpoints();
        app.MapMethodologyDocument();
        app.MapTileEndpoints();
        app.MapFirstFrameEndpoints();
        app.MapOgcEndpoints();
        var api = app.MapGroup("/api").AddEndpointFilter<InvalidParameterFilter>();
        api.MapAuthEndpoints();
        api.MapUserEndpoints();
        api.MapAuditEndpoints();
        api.MapAboutEndpoints(builder.Configuration);
        api.MapGeographyEndpoints();
        api.MapSchoolEndpoints();
        api.MapSearchEndpoints();
        api.MapIndicatorEndpoints();
        api.MapCountEndpoints();
        api.MapExportEndpoints();
        api.MapMapImageEndpoints();
        api.MapBriefEndpoints();
        api.MapHotspotEndpoints();
        api.MapEmergingHotSpotEndpoints();
        api.MapForecastEndpoints();
        api.MapAlertEndpoints();
        api.MapRatingEndpoints();
        api.MapDataDeliveryEndpoints();
        api.MapAlertRuleEndpoints();
        api.MapWebhookEndpoints();
        api.MapImportEndpoints();
        api.MapAgencyClientEndpoints();
        api.MapFeedEndpoints();
        api.MapQuarantineEndpoints();
        api.MapVintageEndpoints();
        api.MapScoreEndpoints();
        api.MapScoreRunEndpoints();
        api.MapWeightEndpoints();
        api.MapProgrammeEndpoints();
        api.MapMeasureEndpoints();
        api.MapProgrammeExportEndpoints();
        return app;
    }

    /// <summary>
    /// The build copies the top-level wwwroot beside the assembly; a host loaded from another project's output
    /// (the tests) finds it in the checkout instead.
    /// </summary>
    private static string LocateWebRoot()
    {
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (File.Exists(Path.Combine(besideAssembly, "index.html"))) return besideAssembly;
        return RiskMapConfiguration.CheckoutRoot() is { } root ? Path.Combine(root, "wwwroot") : besideAssembly;
    }
}
