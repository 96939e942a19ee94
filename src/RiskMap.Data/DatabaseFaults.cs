using Npgsql;

namespace RiskMap.Data;

/// <summary>
/// The one rule for "the database cannot be reached or cannot take more work right now", as opposed to a bad query or
/// bad data: a refused or lost connection, a server shutting down or restarting, no connection slot left on the server
/// (53300), or a pool whose every connection stayed busy past the wait. Such a failure is worth retrying later, and a
/// caller is told to come back (503), never that the service is broken (500).
/// </summary>
public static class DatabaseFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
                        || postgres.SqlState is PostgresErrorCodes.TooManyConnections
                            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                // Npgsql's own errors are transient when a socket failed or a wait (connect, pool) timed out.
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }
}
