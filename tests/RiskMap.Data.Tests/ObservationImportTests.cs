using RiskMap.Core.Imports;
using RiskMap.Data.Imports;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

public class ObservationImportTests(SeededDatabase db) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Observations_are_stored_per_unit_indicator_and_quarter_and_re_imports_change_nothing()
    {
        var file = _files.Write("values.csv", """
            entity_level,entity_code,indicator,period,value,denominator,
            region,710000000,suicides,2025Q2,2,150000
            district,101000000,offences_by_minors,2025q2,7,
            school,S-2,extracurricular_share,2025Q2,41.5
            """);
        var first = await db.ImportAsync(ImportKind.Indicators, file, new ImportOptions { Source = "akimat-10" });
        Assert.Equal((3, 0), (first.Counts.Inserted, first.Counts.Updated));
        var stored = await db.QueryAsync<(string Period, double Value, double? Denominator, string Source)>(
            "SELECT period, value, denominator, source FROM observations WHERE entity_code = '101000000' AND indicator_code = 'offences_by_minors'");
        Assert.Equal(("2025Q2", 7.0, (double?)null, "akimat-10"), stored.Single());

        var fingerprint = await db.DataFingerprintAsync();
        var again = await db.ImportAsync(ImportKind.Indicators, file, new ImportOptions { Source = "akimat-10" });
        Assert.Equal((0, 0, 3), (again.Counts.Inserted, again.Counts.Updated, again.Counts.Unchanged));
        Assert.Equal(fingerprint, await db.DataFingerprintAsync());

        var corrected = _files.Write("corrected.csv", "entity_level,entity_code,indicator,period,value\nregion,710000000,suicides,2025Q2,3\n");
        var correction = await db.ImportAsync(ImportKind.Indicators, corrected, new ImportOptions { Source = "akimat-10" });
        Assert.Equal(1, correction.Counts.Updated);
        Assert.Equal(3, await db.ScalarAsync<double>("SELECT value FROM observations WHERE entity_code = '710000000' AND indicator_code = 'suicides'"));
    }

    [Theory]
    [InlineData("extracurricular_share", "140", ImportProblem.OutOfRange)]
    [InlineData("suicides", "-1", ImportProblem.OutOfRange)]
    [InlineData("suicides", "NaN", ImportProblem.NotANumber)]
    public async Task Values_outside_what_the_indicator_allows_are_refused(string indicator, string value, ImportProblem expected)
    {
        var issues = await ImportFailures.RejectedAsync(db, ImportKind.Indicators,
            _files.Write("range.csv", $"entity_level,entity_code,indicator,period,value\nschool,S-1,{indicator},2025Q3,{value}\n"));
        Assert.Equal(expected, issues.Single().Problem);
    }

    [Fact]
    public async Task A_quarter_in_the_wrong_form_and_a_bad_level_are_named()
    {
        var issues = await ImportFailures.RejectedAsync(db, ImportKind.Indicators, _files.Write("period.csv",
            "entity_level,entity_code,indicator,period,value\nschool,S-1,suicides,2025-03,1\ncounty,S-1,suicides,2025Q1,1\n"));
        Assert.Equal([(ImportProblem.InvalidCode, "period"), (ImportProblem.NotAllowedValue, "entity_level")],
            issues.Select(i => (i.Problem, i.Field!)));
    }
}
