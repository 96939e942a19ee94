using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>An alert raised by a rule on a unit for a quarter, and its acknowledgement (<c>alerts</c>).</summary>
public sealed class RaisedAlert
{
    public long Id { get; set; }
    public string Rule { get; set; } = null!;
    public string Level { get; set; } = null!;
    public string Code { get; set; } = null!;
    public string Period { get; set; } = null!;
    public double? Score { get; set; }
    public double? Change { get; set; }
    public string? Category { get; set; }
    public long RunId { get; set; }
    public long RuleVersionId { get; set; }
    public DateTime RaisedAt { get; set; }

    /// <summary>Who, when and the note: all three set together, once.</summary>
    public string? AcknowledgedBy { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
    public string? Acknowledgement { get; set; }
}

internal sealed class RaisedAlertConfiguration : IEntityTypeConfiguration<RaisedAlert>
{
    public void Configure(EntityTypeBuilder<RaisedAlert> entity)
    {
        entity.ToTable("alerts");
        entity.HasKey(a => a.Id);
        entity.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        entity.Property(a => a.Rule).HasColumnName("rule");
        entity.Property(a => a.Level).HasColumnName("level");
        entity.Property(a => a.Code).HasColumnName("code");
        entity.Property(a => a.Period).HasColumnName("period").HasColumnType("character(6)");
        entity.Property(a => a.Score).HasColumnName("score");
        entity.Property(a => a.Change).HasColumnName("change");
        entity.Property(a => a.Category).HasColumnName("category");
        entity.Property(a => a.RunId).HasColumnName("run_id");
        entity.Property(a => a.RuleVersionId).HasColumnName("rule_version_id");
        entity.Property(a => a.RaisedAt).HasColumnName("raised_at").HasDefaultValueSql("now()");
        entity.Property(a => a.AcknowledgedBy).HasColumnName("acknowledged_by");
        entity.Property(a => a.AcknowledgedAt).HasColumnName("acknowledged_at");
        entity.Property(a => a.Acknowledgement).HasColumnName("acknowledgement");
    }
}
