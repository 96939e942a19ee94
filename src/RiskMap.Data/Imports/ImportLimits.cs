namespace RiskMap.Data.Imports;

/// <summary>How large an import may be, and how long its batch lease lasts. Bound from the "Imports" configuration section.</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    public int MaxRows { get; set; } = 2_000_000;

    /// <summary>A running batch whose importer has not renewed its lease for this long is shown as interrupted.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// Area in km² by which a boundary unit may overlap another of its level and vintage, or a district reach beyond its
    /// region, before the file is refused; a region's area outside all its districts beyond it is reported. 25 km²: the
    /// real geokz files differ from themselves by up to 15.4 km² (2018 districts 614000000 and 614600000 overlap; 2024
    /// district 316200000 reaches 13.8 km² beyond its region), where digitised borders disagree, while a unit of the
    /// wrong vintage or region overlaps by hundreds to thousands of km² (issue 15: 32 district pairs over 100 km²).
    /// </summary>
    public double BoundaryToleranceKm2 { get; set; } = 25;
}
