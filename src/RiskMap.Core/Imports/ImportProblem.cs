namespace RiskMap.Core.Imports;

/// <summary>What can be wrong with one record of an import file, or with the file as a whole.</summary>
public enum ImportProblem
{
    EmptyFile,
    FileTooLarge,
    TooManyRows,
    UnreadableFile,
    MalformedJson,
    NotAFeatureCollection,
    UnknownCrs,
    MissingColumn,
    MissingValue,
    NotANumber,
    OutOfRange,
    InvalidCode,
    DuplicateKey,
    UnknownIndicator,
    UnknownEntity,
    UnknownRegion,
    WrongGeometryType,
    EmptyGeometry,
    InvalidGeometry,
    CoordinatesOutOfRange,
    NotAllowedValue,
    ExtraFields,
    NotAWholeNumber,
    UnitsOverlap,
    DistrictOutsideRegion,

    // Warnings: the import goes ahead and reports them.
    GeometryRepaired,
    SchoolUnassigned,
    SchoolOutsideDistricts,
    NameNormalised,
    CoverageGap,
    /// <summary>Values held back from the scores by the quarantine until a steward accepts them; Value is how many.</summary>
    ValuesHeld,
}

public static class ImportProblems
{
    public static bool IsWarning(this ImportProblem problem) =>
        problem is ImportProblem.GeometryRepaired or ImportProblem.SchoolUnassigned or ImportProblem.SchoolOutsideDistricts
        or ImportProblem.NameNormalised or ImportProblem.CoverageGap or ImportProblem.ValuesHeld;
}
