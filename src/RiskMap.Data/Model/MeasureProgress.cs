using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A progress report on a measure (<c>measure_progress</c>); one with a status made it the measure's.</summary>
public sealed class MeasureProgress
{
    public long Id { get; set; }
    public long MeasureId { get; set; }
    public string Quarter { get; set; } = null!;
    public string Note { get; set; } = null!;
    public short? Percent { get; set; }
    public string? Status { get; set; }
    public string RecordedBy { get; set; } = null!;
    public DateTime RecordedAt { get; set; }
}

internal sealed class MeasureProgressConfiguration : IEntityTypeConfiguration<MeasureProgress>
{
    public void Configure(EntityTypeBuilder<MeasureProgress> entity)
    {
        entity.ToTable("measure_progress");
        entity.HasKey(p => p.Id);
        entity.Property(p => p.Id).UseIdentityAlwaysColumn();
        entity.Property(p => p.Quarter).HasColumnType("character(6)");
        entity.Property(p => p.RecordedAt).HasDefaultValueSql("clock_timestamp()");
    }
}
