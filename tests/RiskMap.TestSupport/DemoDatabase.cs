using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;

namespace RiskMap.TestSupport;

/// <summary>A test database holding the full demo data set and the demo users, copied from the <see cref="DemoTemplate"/>.</summary>
public class DemoDatabase : TestDatabase
{
    /// <summary>Whether the copy holds the demo's published score run.</summary>
    protected virtual bool Scored => false;

    protected override Task<string> TemplateAsync() => DemoTemplate.EnsureAsync(Scored);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Users are made per database, not copied, so each has its own password salts and security stamps.
        await new DemoUsers(new UserStore(DataSource), new Passwords()).EnsureAsync();
    }
}

/// <summary>The demo database after one published score run of the demo's data.</summary>
public sealed class ScoredDemoDatabase : DemoDatabase
{
    protected override bool Scored => true;
}
