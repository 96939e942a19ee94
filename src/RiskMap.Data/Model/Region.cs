using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A region of the current boundary vintage (<c>regions</c>).</summary>
public sealed class Region : ServedBoundary;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> entity) => ServedBoundary.Map(entity, "regions");
}
