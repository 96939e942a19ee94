using System.Diagnostics;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>
/// <c>.local/</c> holds what a machine generates for itself (database passwords once were committed from it): git must
/// ignore it, and nothing under it may be tracked.
/// </summary>
public class LocalSecretsTests
{
    [GitCheckoutFact]
    public void Nothing_under_local_is_tracked_and_git_ignores_the_folder()
    {
        var (tracked, _) = Git("ls-files", "--", ".local");
        Assert.True(tracked.Length == 0, $"Files under .local/ are tracked by git (remove them with git rm --cached):\n{tracked}");
        var (_, ignored) = Git("check-ignore", "--quiet", "--no-index", ".local/db-password");
        Assert.True(ignored == 0, ".local/ is not in .gitignore");
    }

    private static (string Output, int ExitCode) Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = GeoData.RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode is 0 or 1, $"git {string.Join(' ', arguments)} failed: {error}");
        return (output.Trim(), git.ExitCode);
    }
}

/// <summary>A fact that is skipped where the repository is not a git checkout (a source archive), so nothing can be tracked.</summary>
public sealed class GitCheckoutFactAttribute : FactAttribute
{
    public GitCheckoutFactAttribute()
    {
        if (!Path.Exists(Path.Combine(GeoData.RepositoryRoot(), ".git"))) Skip = "Not a git checkout.";
    }
}
