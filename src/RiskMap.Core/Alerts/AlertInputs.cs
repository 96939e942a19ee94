using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Alerts;

/// <summary>A unit's composite score in the quarter alerts are raised for, with its changes and whether each is clear (beyond uncertainty).</summary>
public sealed record UnitRisk(EntityLevel Level, string Code, double? Score, double? ChangeFromPreviousQuarter, double? ChangeFromYearBefore,
    bool? ClearChangeFromPreviousQuarter, bool? ClearChangeFromYearBefore);

/// <summary>A unit's emerging hot spot category in the run.</summary>
public sealed record UnitCategory(EntityLevel Level, string Code, EmergingCategory Category);

/// <summary>A unit a crisis-management programme targets in the quarter.</summary>
public sealed record ProgrammeTarget(EntityLevel Level, string Code);

/// <summary>What the rules read of a published run: its latest quarter's scores, its hot spots and the programmes' targets then.</summary>
public sealed record AlertInputs(IReadOnlyList<UnitRisk> Risks, IReadOnlyList<UnitCategory> HotSpots, IReadOnlySet<ProgrammeTarget> ProgrammeTargets);

/// <summary>A unit a rule warns about, with what the reader needs to judge it: the score and its clear rise, or the hot spot category.</summary>
public sealed record AlertFinding(string Rule, EntityLevel Level, string Code, double? Score, double? Change, EmergingCategory? Category);
