using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A district (KATO) or school (code) a programme targets (<c>programme_targets</c>).</summary>
public sealed class ProgrammeTarget
{
    public long Id { get; set; }
    public long ProgrammeId { get; set; }
    public string Level { get; set; } = null!;
    public string Code { get; set; } = null!;
    public string AddedBy { get; set; } = null!;
    public DateTime AddedAt { get; set; }
    public List<ProgrammeMeasure> Measures { get; } = [];
}

internal sealed class ProgrammeTargetConfiguration : IEntityTypeConfiguration<ProgrammeTarget>
{
    public void Configure(EntityTypeBuilder<ProgrammeTarget> entity)
    {
        entity.ToTable("programme_targets");
        entity.HasKey(t => t.Id);
        entity.Property(t => t.Id).UseIdentityAlwaysColumn();
        entity.Property(t => t.AddedAt).HasDefaultValueSql("now()");
        entity.HasIndex(t => new { t.ProgrammeId, t.Level, t.Code }).IsUnique();
        entity.HasMany(t => t.Measures).WithOne().HasForeignKey(m => m.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}
