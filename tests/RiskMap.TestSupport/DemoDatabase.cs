namespace RiskMap.TestSupport;

/// <summary>A test database holding the full demo data set and the demo users, copied from the <see cref="DemoTemplate"/>.</summary>
public class DemoDatabase : TestDatabase
{
    /// <summary>Whether the copy holds the demo's published score run.</summary>
    protected virtual bool Scored => false;

    /// <summary>Whether the copy holds the real 2018 regions and districts, imported beside the current (2024) ones.</summary>
    protected virtual bool With2018 => false;

    protected override Task<string> TemplateAsync() => DemoTemplate.EnsureAsync(Scored, With2018);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // As if the demo had just been loaded, as it was before the template: the service's import watch waits for
        // imports to settle (Scoring:ImportDebounceSeconds) before it scores them on its own.
        await ExecuteAsync("UPDATE import_batches SET finished_at = now() WHERE finished_at IS NOT NULL");
        // Users are made per database, not copied, so each database has its own security stamps.
        await TestUsers.EnsureAllAsync(this);
    }
}

/// <summary>The demo database after one published score run of the demo's data.</summary>
public sealed class ScoredDemoDatabase : DemoDatabase
{
    protected override bool Scored => true;
}

/// <summary>
/// The scored demo (2024 current) with the real 2018 regions and districts imported beside it, for tests whose subject
/// is not that import: the import leaves the run up to date, as the 2018 boundaries are of another vintage.
/// </summary>
public sealed class TwoVintagesDatabase : DemoDatabase
{
    protected override bool Scored => true;

    protected override bool With2018 => true;
}
