using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace RiskMap.Data.Model;

/// <summary>A region of the current boundary vintage (<c>regions</c>, the serving copy the boundary import writes).</summary>
public sealed class Region
{
    public string Kato { get; set; } = null!;
    public string NameKk { get; set; } = null!;
    public string NameRu { get; set; } = null!;
    public string NameEn { get; set; } = null!;
    public MultiPolygon Geometry { get; set; } = null!;
    public double AreaKm2 { get; set; }
    public int Vintage { get; set; }
    public long ImportBatchId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> entity)
    {
        entity.ToTable("regions");
        entity.HasKey(r => r.Kato);
        entity.Property(r => r.Kato).HasColumnName("kato").HasColumnType("character(9)");
        entity.Property(r => r.NameKk).HasColumnName("name_kk");
        entity.Property(r => r.NameRu).HasColumnName("name_ru");
        entity.Property(r => r.NameEn).HasColumnName("name_en");
        entity.Property(r => r.Geometry).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        entity.Property(r => r.AreaKm2).HasColumnName("area_km2");
        entity.Property(r => r.Vintage).HasColumnName("vintage");
        entity.Property(r => r.ImportBatchId).HasColumnName("import_batch_id");
        entity.Property(r => r.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
        entity.HasOne<ImportBatch>().WithMany().HasForeignKey(r => r.ImportBatchId);
    }
}
