using RiskMap.Core.Indicators;

namespace RiskMap.Core.Scoring;

/// <summary>An indicator as the score uses it: its domain, its direction, whether it counts events, and its weight.</summary>
public sealed record IndicatorSpec(string Code, string Domain, Direction Direction, bool IsCount, double Weight);

public sealed record DomainSpec(string Code, double Weight);

/// <summary>The indicators and domains of one score run, with the weights at the time of the run.</summary>
public sealed record Catalogue(IReadOnlyList<IndicatorSpec> Indicators, IReadOnlyList<DomainSpec> Domains)
{
    public int DomainIndex(IndicatorSpec indicator)
    {
        for (var j = 0; j < Domains.Count; j++)
            if (Domains[j].Code == indicator.Domain) return j;
        throw new InvalidOperationException($"Indicator {indicator.Code} names unknown domain {indicator.Domain}.");
    }
}
