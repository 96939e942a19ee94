using RiskMap.Core.Geography;
using RiskMap.Core.HotSpots;

namespace RiskMap.Core.Alerts;

/// <summary>
/// A unit's composite score in the quarter alerts are raised for, with its changes and whether each is clear (beyond
/// uncertainty), and its published risk level (1–5; null without a score).
/// </summary>
public sealed record UnitRisk(EntityLevel Level, string Code, double? Score, double? ChangeFromPreviousQuarter, double? ChangeFromYearBefore,
    bool? ClearChangeFromPreviousQuarter, bool? ClearChangeFromYearBefore, int? RiskLevel);

/// <summary>A unit's emerging hot spot category in the run.</summary>
public sealed record UnitCategory(EntityLevel Level, string Code, EmergingCategory Category);

/// <summary>A unit a crisis-management programme targets in the quarter.</summary>
public sealed record ProgrammeTarget(EntityLevel Level, string Code);

/// <summary>A unit's published probability of risk level 4 or 5 some quarters (<paramref name="Horizon"/>) after the run's latest.</summary>
public sealed record UnitOutlook(EntityLevel Level, string Code, int Horizon, double Probability);

/// <summary>
/// What the rules read of a published run: its latest quarter's scores, its hot spots, the programmes' targets then, and
/// its forecasts of risk level 4–5 (empty when the run made none).
/// </summary>
public sealed record AlertInputs(IReadOnlyList<UnitRisk> Risks, IReadOnlyList<UnitCategory> HotSpots, IReadOnlySet<ProgrammeTarget> ProgrammeTargets,
    IReadOnlyList<UnitOutlook> Outlooks);

/// <summary>
/// A unit a rule warns about, with what the reader needs to judge it: the score and its clear rise, the hot spot
/// category, or the probability of risk level 4–5 the forecast gives it <paramref name="Horizon"/> quarters ahead.
/// </summary>
public sealed record AlertFinding(string Rule, EntityLevel Level, string Code, double? Score, double? Change, EmergingCategory? Category,
    double? Probability = null, int? Horizon = null);
