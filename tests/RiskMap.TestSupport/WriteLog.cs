namespace RiskMap.TestSupport;

/// <summary>
/// Triggers that log every row inserted, updated or deleted in the watched tables (and every truncate), so a test
/// proves that nothing changed by reading a small log instead of counting the demo's hundreds of thousands of rows.
/// Stricter than counting (an update, or a delete plus an insert, changes no count), and a write that is rolled back
/// leaves no entry, as it leaves no row.
/// </summary>
public static class WriteLog
{
    /// <summary>Starts logging the writes to <paramref name="tables"/> (names the tests choose, never input).</summary>
    public static async Task WatchAsync(this TestDatabase database, params string[] tables)
    {
        // SECURITY DEFINER: the service writes as the runtime role, which has no rights on the log.
        await database.ExecuteAsync("""
            CREATE SCHEMA IF NOT EXISTS test_watch;
            CREATE TABLE IF NOT EXISTS test_watch.writes (table_name text NOT NULL, operation text NOT NULL);
            CREATE OR REPLACE FUNCTION test_watch.log_write() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
            BEGIN
                INSERT INTO test_watch.writes VALUES (TG_TABLE_NAME, TG_OP);
                RETURN NULL;
            END $$;
            """);
        foreach (var table in tables)
        {
            await database.ExecuteAsync($"""
                CREATE TRIGGER test_watch_rows AFTER INSERT OR UPDATE OR DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION test_watch.log_write();
                CREATE TRIGGER test_watch_truncate AFTER TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION test_watch.log_write();
                """);
        }
    }

    /// <summary>
    /// The writes logged so far and the watched tables that exist (a dropped table logs nothing, so its absence is
    /// the evidence): equal answers before and after an action mean it changed none of them.
    /// </summary>
    public static Task<string> WritesAsync(this TestDatabase database) => database.ScalarAsync<string>("""
        SELECT concat_ws('; ',
            'writes: ' || coalesce((SELECT string_agg(format('%s %s ×%s', table_name, operation, n), ', ' ORDER BY table_name, operation)
                                    FROM (SELECT table_name, operation, count(*) AS n FROM test_watch.writes GROUP BY 1, 2) w), 'none'),
            'watched: ' || coalesce((SELECT string_agg(format('%s#%s', c.relname, c.oid), ', ' ORDER BY c.relname)
                                     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'test_watch_rows'), 'none'))
        """);
}
