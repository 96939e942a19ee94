using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using RiskMap.Data.Model;
using RiskMap.Data.Programmes;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>The EF model against the migrated database: xmin guards every save, and PostGIS geometry reads as NetTopologySuite.</summary>
public class ModelConcurrencyTests : IAsyncLifetime
{
    private const string Region = "750000000";
    private readonly TestDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.ExecuteAsync("""
            WITH batch AS (
                INSERT INTO import_batches (kind, file_name, sha256, size_bytes, imported_by, source, status)
                VALUES ('boundaries', 'square.geojson', repeat('0', 64), 1, 'test', 'test', 'succeeded') RETURNING id)
            INSERT INTO regions (kato, name_kk, name_ru, name_en, geom, area_km2, vintage, import_batch_id)
            SELECT @Region, 'Алматы', 'Алматы', 'Almaty', ST_Multi(ST_MakeEnvelope(76.8, 43.2, 77.0, 43.4, 4326)), 1, 2024, id FROM batch
            """, new { Region });
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private IDbContextFactory<RiskMapDbContext> Contexts => _db.Services.GetRequiredService<IDbContextFactory<RiskMapDbContext>>();

    [Fact]
    public async Task A_save_from_a_read_taken_before_someone_elses_edit_is_refused_and_their_edit_is_kept()
    {
        var store = _db.Services.GetRequiredService<ProgrammeStore>();
        var id = await store.CreateAsync(Region, new ProgrammeStore.ProgrammeFields("План", "", "2025Q1", "2025Q4"), "planner-75");
        await using var late = await Contexts.CreateDbContextAsync();
        var readEarlier = await late.Programmes.SingleAsync(p => p.Id == id);

        Assert.Equal(new VersionedWrite(WriteOutcome.Done, 2), await store.UpdateAsync(id, 1, new ProgrammeStore.ProgrammeFields("Первая правка", "", "2025Q1", "2025Q4")));
        // Version 1 was read, so version 2 is what this save writes too: only xmin tells that the row moved on.
        readEarlier.Title = "Поздняя правка";
        readEarlier.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => late.SaveChangesAsync());

        Assert.Equal(("Первая правка", 2), (await _db.QueryAsync<(string, int)>("SELECT title, version FROM programmes WHERE id = @id", new { id })).Single());
    }

    [Fact]
    public async Task Regions_read_through_the_model_are_multipolygons_in_wgs84()
    {
        await using var context = await Contexts.CreateDbContextAsync();
        var region = await context.Regions.SingleAsync(r => r.Kato == Region);
        Assert.IsType<MultiPolygon>(region.Geometry);
        Assert.Equal(4326, region.Geometry.SRID);
        Assert.Equal(0.04, region.Geometry.Area, 6);
    }
}
