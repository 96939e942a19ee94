using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>One import of a file, refused and failed ones included (<c>import_batches</c>).</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public string Kind { get; set; } = null!;
    public string FileName { get; set; } = null!;
    public string Sha256 { get; set; } = null!;
    public long SizeBytes { get; set; }
    public string ImportedBy { get; set; } = null!;
    public string Source { get; set; } = null!;

    /// <summary>JSON: the options the file was imported with.</summary>
    public string Options { get; set; } = "{}";

    public string Status { get; set; } = null!;
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int RowsRead { get; set; }
    public int RowsInserted { get; set; }
    public int RowsUpdated { get; set; }
    public int RowsUnchanged { get; set; }

    /// <summary>JSON: the warnings of a succeeded import, the refusals of a failed one.</summary>
    public string Issues { get; set; } = "[]";

    /// <summary>Renewed while the import runs; a running batch past it was interrupted.</summary>
    public DateTime? LeaseUntil { get; set; }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> entity)
    {
        entity.ToTable("import_batches");
        entity.HasKey(b => b.Id);
        entity.Property(b => b.Id).UseIdentityAlwaysColumn();
        entity.Property(b => b.Sha256).HasColumnType("character(64)");
        entity.Property(b => b.Options).HasColumnType("jsonb");
        entity.Property(b => b.StartedAt).HasDefaultValueSql("now()");
        entity.Property(b => b.Issues).HasColumnType("jsonb");
    }
}
