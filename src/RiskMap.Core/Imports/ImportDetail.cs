using System.Globalization;
using RiskMap.Core.Quarantine;

namespace RiskMap.Core.Imports;

/// <summary>What a detail of an import finding says; each is put into words in the reader's language by ImportProblemTexts.</summary>
public enum DetailText
{
    /// <summary>Text shown as it came: a name from the file, or a parser's or library's own message.</summary>
    AsIs,
    ZeroOrMore,
    Between,
    MoreThanZero,
    AtMostCharacters,
    AtMostBytes,
    AtMostRows,
    AtMostFeatures,
    Expected,
    QuarterExpected,
    LevelExpected,
    SettlementExpected,
    SchoolCodeFormat,
    SchoolNameColumns,
    AppearsTwice,
    FieldCounts,
    NulCharacter,
    NotUtf8,
    LonLatRange,
    ZeroArea,
    VintageNeeded,
    SridNeeded,
    CoordinatesNeeded,
    UnzippedTooLarge,
    OneShapefile,
    SelfIntersection,
    RingSelfIntersection,
    HoleOutsideShell,
    NestedHoles,
    DisconnectedInterior,
    NestedShells,
    DuplicateRings,
    TooFewPoints,
    RingNotClosed,
    InvalidCoordinate,
    OverlapArea,
    OutsideRegionArea,
    GapArea,
    /// <summary>A region code not among the units of the vintage (First, a year) in force in the quarter (Second, such as 2019Q3).</summary>
    RegionNotInVintage,
    /// <summary>A district code not among the units of the vintage (First) in force in the quarter (Second).</summary>
    DistrictNotInVintage,
    /// <summary>Held: a robust z-score against the unit's history above First.</summary>
    HeldFarFromHistory,
    /// <summary>Held: First times the unit's last value, or less than its First-th part.</summary>
    HeldTenfoldJump,
    /// <summary>Held: more than First % of a region's values moved by more than Second % the same way.</summary>
    HeldBroadChange,
    /// <summary>Held: a count this large or this small has a probability below First given the unit's history.</summary>
    HeldImprobableCount,
}

/// <summary>
/// The detail of an import finding as a text and its values, so that it is said in words in the reader's language
/// and names options as the reader gives them (<c>--vintage</c> on the command line, <c>vintage=</c> over HTTP).
/// </summary>
public sealed record ImportDetail(DetailText Text, string? First = null, string? Second = null)
{
    public static ImportDetail AsIs(string text) => new(DetailText.AsIs, text);

    public static readonly ImportDetail ZeroOrMore = new(DetailText.ZeroOrMore);

    public static readonly ImportDetail MoreThanZero = new(DetailText.MoreThanZero);

    public static ImportDetail Between(double min, double max) => new(DetailText.Between, Number(min), Number(max));

    public static ImportDetail AtMost(DetailText text, long limit) => new(text, Number(limit));

    public static ImportDetail Expected(string what) => new(DetailText.Expected, what);

    public static ImportDetail Of(DetailText text) => new(text);

    /// <summary>An area in km² (rounded to 0.1) and, where there is one, the KATO code of the other unit.</summary>
    public static ImportDetail Area(DetailText text, double km2, string? otherKato = null) =>
        new(text, Math.Round(km2, 1).ToString(CultureInfo.InvariantCulture), otherKato);

    /// <summary>A region's or district's code is not among the units of the vintage in force in the row's quarter.</summary>
    public static ImportDetail NotInVintage(bool district, int vintage, string quarter) =>
        new(district ? DetailText.DistrictNotInVintage : DetailText.RegionNotInVintage, vintage.ToString(CultureInfo.InvariantCulture), quarter);

    /// <summary>Why values were held, with the threshold that held them.</summary>
    public static ImportDetail HeldBecause(HoldReason reason, QuarantineOptions options) => reason switch
    {
        HoldReason.FarFromHistory => new(DetailText.HeldFarFromHistory, Number(options.RobustZ)),
        HoldReason.TenfoldJump => new(DetailText.HeldTenfoldJump, Number(options.JumpFactor)),
        HoldReason.ImprobableCount => new(DetailText.HeldImprobableCount, Number(options.CountTail)),
        _ => new(DetailText.HeldBroadChange, Number(Math.Round(options.BroadShare * 100, 1)), Number(Math.Round(options.BroadChange * 100, 1))),
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
