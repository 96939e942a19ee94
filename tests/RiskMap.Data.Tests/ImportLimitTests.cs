using RiskMap.Core.Imports;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

public sealed class SmallLimitsDatabase : TestDatabase
{
    protected override ImportLimits Limits => new() { MaxFileBytes = 64 * 1024, MaxRows = 50 };
}

public class ImportLimitTests(SmallLimitsDatabase db) : IClassFixture<SmallLimitsDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_oversized_file() =>
        Assert.Equal(ImportProblem.FileTooLarge, (await ImportFailures.RejectedAsync(db, ImportKind.Indicators, _files.Write("big.csv",
            "entity_level,entity_code,indicator,period,value\n" + new string(' ', 70 * 1024)))).Single().Problem);

    [Fact]
    public async Task Too_many_rows()
    {
        var rows = Enumerable.Range(0, 51).Select(i => $"school,S-1,bullying_reports,{2000 + i}Q1,1");
        Assert.Equal(ImportProblem.TooManyRows, (await ImportFailures.RejectedAsync(db, ImportKind.Indicators, _files.Write("rows.csv",
            "entity_level,entity_code,indicator,period,value\n" + string.Join('\n', rows)))).Single().Problem);
    }
}
