using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace RiskMap.Data.Model;

/// <summary>
/// The domain model and its transactional writes. The numbered SQL migrations are the schema's one source: this
/// context never creates or migrates tables, and a test (SchemaParityTests) fails when its mapping and the migrated
/// database disagree. Bulk and spatial reads (tiles, COPY, score runs, OGC) stay hand-written SQL.
/// </summary>
public sealed partial class RiskMapDbContext(DbContextOptions<RiskMapDbContext> options) : DbContext(options)
{
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeTarget> ProgrammeTargets => Set<ProgrammeTarget>();
    public DbSet<ProgrammeMeasure> ProgrammeMeasures => Set<ProgrammeMeasure>();
    public DbSet<MeasureProgress> MeasureProgress => Set<MeasureProgress>();
    public DbSet<MeasureCatalogueEntry> MeasureCatalogue => Set<MeasureCatalogueEntry>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RaisedAlert> Alerts => Set<RaisedAlert>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<School> Schools => Set<School>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RiskMapDbContext).Assembly);
        // A column is its property's name in snake_case (AreaKm2: area_km2) unless the mapping names it.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.GetColumnName() == p.Name))
            property.SetColumnName(WordStart().Replace(property.Name, "_$1").ToLowerInvariant());
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
