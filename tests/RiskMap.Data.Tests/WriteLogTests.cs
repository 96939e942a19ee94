using Dapper;
using Npgsql;
using RiskMap.TestSupport;

namespace RiskMap.Data.Tests;

/// <summary>
/// The write log that the injection tests read instead of counting rows must see every kind of write the service
/// could make, as the service's runtime role makes it, and nothing that was rolled back.
/// </summary>
public class WriteLogTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await db.ExecuteAsync("""
            DROP TABLE IF EXISTS probe;
            CREATE TABLE probe (id int PRIMARY KEY, note text);
            INSERT INTO probe VALUES (1, 'kept'), (2, 'kept');
            GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON probe TO riskmap_runtime;
            """);
        await db.WatchAsync("probe");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task AsServiceAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(db.AppConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    [Theory]
    [InlineData("INSERT INTO probe VALUES (3, 'new')")]
    [InlineData("UPDATE probe SET note = note WHERE id = 1")]
    [InlineData("DELETE FROM probe WHERE id = 2")]
    [InlineData("TRUNCATE probe")]
    [InlineData("DELETE FROM probe WHERE id = 2; INSERT INTO probe VALUES (2, 'kept')")]
    public async Task A_write_by_the_service_changes_the_log(string write)
    {
        var before = await db.WritesAsync();
        await AsServiceAsync(write);
        Assert.NotEqual(before, await db.WritesAsync());
    }

    [Fact]
    public async Task A_dropped_table_changes_the_log()
    {
        var before = await db.WritesAsync();
        await db.ExecuteAsync("DROP TABLE probe");
        Assert.NotEqual(before, await db.WritesAsync());
    }

    [Fact]
    public async Task A_rolled_back_write_and_a_read_leave_the_log_as_it_was()
    {
        var before = await db.WritesAsync();
        await AsServiceAsync("BEGIN; INSERT INTO probe VALUES (3, 'new'); UPDATE probe SET note = 'changed'; ROLLBACK; SELECT count(*) FROM probe");
        Assert.Equal(before, await db.WritesAsync());
    }
}
