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
        entity.Property(c => c.Code).HasColumnName("code");
        entity.Property(c => c.NameKk).HasColumnName("name_kk");
        entity.Property(c => c.NameRu).HasColumnName("name_ru");
        entity.Property(c => c.NameEn).HasColumnName("name_en");
        entity.Property(c => c.DefaultFormKk).HasColumnName("default_form_kk");
        entity.Property(c => c.DefaultFormRu).HasColumnName("default_form_ru");
        entity.Property(c => c.DefaultFormEn).HasColumnName("default_form_en");
        entity.Property(c => c.SortOrder).HasColumnName("sort_order");
    }
}
