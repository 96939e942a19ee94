namespace RiskMap.Core.Privacy;

/// <summary>
/// One unit's count in a hierarchy: <paramref name="ParentCode"/> is null for the root (e.g. the national total);
/// a district's parent is its region, and so on. <paramref name="Value"/> is null when there is no data.
/// </summary>
public sealed record CountCell(string Code, string? ParentCode, double? Value);
