using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A district of the current boundary vintage (<c>districts</c>).</summary>
public sealed class District : ServedBoundary
{
    public string RegionKato { get; set; } = null!;
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> entity)
    {
        ServedBoundary.Map(entity, "districts");
        entity.Property(d => d.RegionKato).HasColumnType("character(9)");
        entity.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionKato);
    }
}
