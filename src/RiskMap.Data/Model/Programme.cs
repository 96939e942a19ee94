using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A region's crisis-management programme (<c>programmes</c>).</summary>
public sealed class Programme
{
    public long Id { get; set; }
    public string RegionKato { get; set; } = null!;
    public string Title { get; set; } = null!;
    public string Description { get; set; } = "";
    public string StartQuarter { get; set; } = null!;
    public string EndQuarter { get; set; } = null!;

    /// <summary>What If-Match names: raised by one on every change of the programme.</summary>
    public int Version { get; set; } = 1;

    /// <summary>PostgreSQL's <c>xmin</c>: a write fails when the row changed since it was read.</summary>
    public uint RowVersion { get; set; }

    public string CreatedBy { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ProgrammeTarget> Targets { get; } = [];
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> entity)
    {
        entity.ToTable("programmes");
        entity.HasKey(p => p.Id);
        entity.Property(p => p.Id).UseIdentityAlwaysColumn();
        entity.Property(p => p.RegionKato).HasColumnType("character(9)");
        entity.Property(p => p.StartQuarter).HasColumnType("character(6)");
        entity.Property(p => p.EndQuarter).HasColumnType("character(6)");
        entity.Property(p => p.RowVersion).HasColumnName("xmin").IsRowVersion();
        entity.Property(p => p.CreatedAt).HasDefaultValueSql("now()");
        entity.Property(p => p.UpdatedAt).HasDefaultValueSql("now()");
        entity.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
