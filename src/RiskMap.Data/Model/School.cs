using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace RiskMap.Data.Model;

/// <summary>A school (<c>schools</c>); its district and region come from where its point lies, null both when outside every boundary.</summary>
public sealed class School
{
    public string Code { get; set; } = null!;
    public string NameRu { get; set; } = null!;
    public string NameKk { get; set; } = null!;
    public string SchoolType { get; set; } = null!;
    public string Language { get; set; } = null!;
    public string Settlement { get; set; } = null!;
    public int Pupils { get; set; }
    public Point Location { get; set; } = null!;
    public string? DistrictKato { get; set; }
    public string? RegionKato { get; set; }
    public string Source { get; set; } = null!;
    public long ImportBatchId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> entity)
    {
        entity.ToTable("schools");
        entity.HasKey(s => s.Code);
        entity.Property(s => s.Code).HasColumnName("code");
        entity.Property(s => s.NameRu).HasColumnName("name_ru");
        entity.Property(s => s.NameKk).HasColumnName("name_kk");
        entity.Property(s => s.SchoolType).HasColumnName("school_type");
        entity.Property(s => s.Language).HasColumnName("language");
        entity.Property(s => s.Settlement).HasColumnName("settlement");
        entity.Property(s => s.Pupils).HasColumnName("pupils");
        entity.Property(s => s.Location).HasColumnName("geom").HasColumnType("geometry(Point,4326)");
        entity.Property(s => s.DistrictKato).HasColumnName("district_kato").HasColumnType("character(9)");
        entity.Property(s => s.RegionKato).HasColumnName("region_kato").HasColumnType("character(9)");
        entity.Property(s => s.Source).HasColumnName("source");
        entity.Property(s => s.ImportBatchId).HasColumnName("import_batch_id");
        entity.Property(s => s.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
        entity.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictKato);
        entity.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionKato);
        entity.HasOne<ImportBatch>().WithMany().HasForeignKey(s => s.ImportBatchId);
    }
}
