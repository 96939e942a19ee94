namespace RiskMap.Web.Cli;

/// <summary>Positional words and <c>--name value</c> options; an option followed by another option or nothing is a flag ("true").</summary>
internal sealed record CliArguments(IReadOnlyList<string> Words, IReadOnlyList<KeyValuePair<string, string?>> Options)
{
    public static CliArguments Parse(IEnumerable<string> args)
    {
        var words = new List<string>();
        var options = new List<KeyValuePair<string, string?>>();
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(list[i]);
                continue;
            }
            var name = list[i][2..];
            var separator = name.IndexOf('=');
            if (separator > 0) options.Add(new(name[..separator], name[(separator + 1)..]));
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) options.Add(new(name, list[++i]));
            else options.Add(new(name, "true"));
        }
        return new CliArguments(words, options);
    }

    public string? Option(string name) => Options.LastOrDefault(o => o.Key == name).Value;

    public CliArguments Without(params string[] names) => this with { Options = Options.Where(o => !names.Contains(o.Key)).ToList() };
}
