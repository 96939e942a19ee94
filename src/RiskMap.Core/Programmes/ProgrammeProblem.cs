namespace RiskMap.Core.Programmes;

/// <summary>Why a field of a programme, measure or progress report is refused (the API's machine-readable field codes).</summary>
public enum ProgrammeProblem
{
    Required,
    TooLong,
    ControlCharacters,
    InvalidQuarter,
    EndBeforeStart,
    InvalidDate,
    DeadlineBeforeStart,
    NegativeFunding,
    FundingTooLarge,
    InvalidStatus,
    StatusDerived,
    UnknownMeasure,
    UnknownUnit,
    InvalidLevel,
    PercentOutOfRange,
    QuarterBeforeStart,
    QuarterInFuture,
    MeasuresBeforeStart,
}

/// <summary>One refused field; <paramref name="Argument"/> fills the message (a limit, a date).</summary>
public sealed record ProgrammeIssue(string Field, ProgrammeProblem Problem, string? Argument = null);

public static class ProgrammeProblems
{
    /// <summary>"deadline-before-start" for <see cref="ProgrammeProblem.DeadlineBeforeStart"/>.</summary>
    public static string ToCode(this ProgrammeProblem problem) =>
        string.Concat(problem.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
