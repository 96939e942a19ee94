namespace RiskMap.Data.Imports;

/// <summary>How large an import may be. Bound from the "Imports" configuration section.</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 256L * 1024 * 1024;

    public int MaxRows { get; set; } = 2_000_000;
}
