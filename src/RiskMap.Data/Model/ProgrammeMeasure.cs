using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A measure assigned to a programme's target (<c>programme_measures</c>).</summary>
public sealed class ProgrammeMeasure
{
    public long Id { get; set; }
    public long TargetId { get; set; }
    public string MeasureCode { get; set; } = null!;
    public string Responsible { get; set; } = null!;

    /// <summary>Null: the catalogue's default form, in the reader's language.</summary>
    public string? FormOfCompletion { get; set; }

    public DateOnly Deadline { get; set; }
    public decimal FundingAmount { get; set; }
    public string FundingSource { get; set; } = null!;

    /// <summary>planned, in_progress or done; "overdue" is derived when read.</summary>
    public string Status { get; set; } = null!;

    /// <summary>What If-Match names: raised by one on every change of the measure, a progress report's status included.</summary>
    public int Version { get; set; } = 1;

    /// <summary>PostgreSQL's <c>xmin</c>: a write fails when the row changed since it was read.</summary>
    public uint RowVersion { get; set; }

    public string CreatedBy { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<MeasureProgress> Progress { get; } = [];
}

internal sealed class ProgrammeMeasureConfiguration : IEntityTypeConfiguration<ProgrammeMeasure>
{
    public void Configure(EntityTypeBuilder<ProgrammeMeasure> entity)
    {
        entity.ToTable("programme_measures");
        entity.HasKey(m => m.Id);
        entity.Property(m => m.Id).UseIdentityAlwaysColumn();
        entity.Property(m => m.FundingAmount).HasColumnType("numeric(15,2)");
        entity.Property(m => m.RowVersion).HasColumnName("xmin").IsRowVersion();
        entity.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        entity.Property(m => m.UpdatedAt).HasDefaultValueSql("now()");
        entity.HasOne<MeasureCatalogueEntry>().WithMany().HasForeignKey(m => m.MeasureCode);
        entity.HasMany(m => m.Progress).WithOne().HasForeignKey(p => p.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
