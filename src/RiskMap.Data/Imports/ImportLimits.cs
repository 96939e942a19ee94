namespace RiskMap.Data.Imports;

/// <summary>How large an import may be, and how long its batch lease lasts. Bound from the "Imports" configuration section.</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    public int MaxRows { get; set; } = 2_000_000;

    /// <summary>A running batch whose importer has not renewed its lease for this long is shown as interrupted.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
}
