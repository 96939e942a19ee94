namespace RiskMap.Data.Scoring;

/// <summary>Why a score run started: the nightly schedule, new imports, or a person asking.</summary>
public enum ScoreTrigger
{
    Schedule,
    Import,
    Manual,
}

public static class ScoreTriggers
{
    public static string Code(this ScoreTrigger trigger) => trigger switch
    {
        ScoreTrigger.Schedule => "schedule",
        ScoreTrigger.Import => "import",
        _ => "manual",
    };
}

/// <summary>What a request to recompute led to.</summary>
public enum ScoreRunStatus
{
    Succeeded,
    Failed,
    /// <summary>Inputs, weights and method are those of the published run: nothing to do.</summary>
    Unchanged,
    /// <summary>Another run holds the lock: runs never overlap.</summary>
    AlreadyRunning,
    /// <summary>The database went away mid-run: nothing of the run was published, and it is worth running again.</summary>
    Interrupted,
}

public sealed record ScoreRunOutcome(ScoreRunStatus Status, long? RunId, string? Error = null);
