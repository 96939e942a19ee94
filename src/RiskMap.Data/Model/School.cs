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
        entity.Property(s => s.Location).HasColumnName("geom").HasColumnType("geometry(Point,4326)");
        entity.Property(s => s.DistrictKato).HasColumnType("character(9)");
        entity.Property(s => s.RegionKato).HasColumnType("character(9)");
        entity.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
        entity.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictKato);
        entity.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionKato);
        entity.HasOne<ImportBatch>().WithMany().HasForeignKey(s => s.ImportBatchId);
    }
}
