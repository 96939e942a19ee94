using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace RiskMap.Data.Model;

/// <summary>
/// What a region and a district of the serving copy share: the current vintage's unit as the boundary import wrote
/// it (<c>regions</c>, <c>districts</c>); the other vintages are in <c>boundary_units</c>.
/// </summary>
public abstract class ServedBoundary
{
    public string Kato { get; set; } = null!;
    public string NameKk { get; set; } = null!;
    public string NameRu { get; set; } = null!;
    public string NameEn { get; set; } = null!;
    public MultiPolygon Geometry { get; set; } = null!;
    public double AreaKm2 { get; set; }
    public int Vintage { get; set; }
    public long ImportBatchId { get; set; }
    public DateTime UpdatedAt { get; set; }

    internal static void Map<TUnit>(EntityTypeBuilder<TUnit> entity, string table) where TUnit : ServedBoundary
    {
        entity.ToTable(table);
        entity.HasKey(u => u.Kato);
        entity.Property(u => u.Kato).HasColumnType("character(9)");
        entity.Property(u => u.Geometry).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        entity.Property(u => u.UpdatedAt).HasDefaultValueSql("now()");
        entity.HasOne<ImportBatch>().WithMany().HasForeignKey(u => u.ImportBatchId);
    }
}
