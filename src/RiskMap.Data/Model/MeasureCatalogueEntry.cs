using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A kind of measure a programme can take (<c>measure_catalogue</c>, filled by the migrations).</summary>
public sealed class MeasureCatalogueEntry
{
    public string Code { get; set; } = null!;
    public string NameKk { get; set; } = null!;
    public string NameRu { get; set; } = null!;
    public string NameEn { get; set; } = null!;
    public string DefaultFormKk { get; set; } = null!;
    public string DefaultFormRu { get; set; } = null!;
    public string DefaultFormEn { get; set; } = null!;
    public int SortOrder { get; set; }
}

internal sealed class MeasureCatalogueEntryConfiguration : IEntityTypeConfiguration<MeasureCatalogueEntry>
{
    public void Configure(EntityTypeBuilder<MeasureCatalogueEntry> entity)
    {
        entity.ToTable("measure_catalogue");
        entity.HasKey(c => c.Code);
    }
}
