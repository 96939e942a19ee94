namespace RiskMap.Core.Imports;

/// <summary>How the reader of a finding gives import options: in the query string of an upload, or on the command line.</summary>
public enum OptionSpelling
{
    Query,
    CommandLine,
}

public static class OptionSpellings
{
    /// <summary>A flag as the reader turns it on: <c>repair=true</c> or <c>--repair</c>.</summary>
    public static string Flag(this OptionSpelling spelling, string name) =>
        spelling == OptionSpelling.CommandLine ? $"--{name}" : $"{name}=true";

    /// <summary>An option with an example value (<c>vintage=2024</c>, <c>--vintage 2024</c>), or without one (<c>vintage-field=</c>).</summary>
    public static string WithValue(this OptionSpelling spelling, string name, string example = "") =>
        spelling == OptionSpelling.CommandLine ? $"--{name} {example}".TrimEnd() : $"{name}={example}";
}
