using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace RiskMap.Data.Model;

/// <summary>A district of the current boundary vintage (<c>districts</c>, the serving copy the boundary import writes).</summary>
public sealed class District
{
    public string Kato { get; set; } = null!;
    public string RegionKato { get; set; } = null!;
    public string NameKk { get; set; } = null!;
    public string NameRu { get; set; } = null!;
    public string NameEn { get; set; } = null!;
    public MultiPolygon Geometry { get; set; } = null!;
    public double AreaKm2 { get; set; }
    public int Vintage { get; set; }
    public long ImportBatchId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> entity)
    {
        entity.ToTable("districts");
        entity.HasKey(d => d.Kato);
        entity.Property(d => d.Kato).HasColumnName("kato").HasColumnType("character(9)");
        entity.Property(d => d.RegionKato).HasColumnName("region_kato").HasColumnType("character(9)");
        entity.Property(d => d.NameKk).HasColumnName("name_kk");
        entity.Property(d => d.NameRu).HasColumnName("name_ru");
        entity.Property(d => d.NameEn).HasColumnName("name_en");
        entity.Property(d => d.Geometry).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        entity.Property(d => d.AreaKm2).HasColumnName("area_km2");
        entity.Property(d => d.Vintage).HasColumnName("vintage");
        entity.Property(d => d.ImportBatchId).HasColumnName("import_batch_id");
        entity.Property(d => d.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
        entity.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionKato);
        entity.HasOne<ImportBatch>().WithMany().HasForeignKey(d => d.ImportBatchId);
    }
}
