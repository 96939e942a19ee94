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
        entity.Property(p => p.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        entity.Property(p => p.RegionKato).HasColumnName("region_kato").HasColumnType("character(9)");
        entity.Property(p => p.Title).HasColumnName("title");
        entity.Property(p => p.Description).HasColumnName("description");
        entity.Property(p => p.StartQuarter).HasColumnName("start_quarter").HasColumnType("character(6)");
        entity.Property(p => p.EndQuarter).HasColumnName("end_quarter").HasColumnType("character(6)");
        entity.Property(p => p.Version).HasColumnName("version");
        entity.Property(p => p.RowVersion).IsRowVersion();
        entity.Property(p => p.CreatedBy).HasColumnName("created_by");
        entity.Property(p => p.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        entity.Property(p => p.UpdatedAt).HasColumnName("updated_at").HasDefaultValueSql("now()");
        entity.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
