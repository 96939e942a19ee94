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
        entity.Property(a => a.Id).UseIdentityAlwaysColumn();
        entity.Property(a => a.Period).HasColumnType("character(6)");
        entity.Property(a => a.RaisedAt).HasDefaultValueSql("now()");
    }
}
