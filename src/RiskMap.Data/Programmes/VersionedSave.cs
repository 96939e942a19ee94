using Microsoft.EntityFrameworkCore;

namespace RiskMap.Data.Programmes;

/// <summary>
/// A change guarded by If-Match. The store compares the version If-Match names with the row it read; the row's
/// <c>xmin</c> (the EF concurrency token) then makes the UPDATE or DELETE touch nothing if anyone changed the row
/// between that read and this write, so two editors of one version never both succeed.
/// </summary>
internal static class VersionedSave
{
    /// <summary>Refuses a change of a row that is missing (null) or at another version than the one edited.</summary>
    public static VersionedWrite? Refusal(int? current, int expected) => current switch
    {
        null => new VersionedWrite(WriteOutcome.Missing, 0),
        { } c when c != expected => new VersionedWrite(WriteOutcome.Stale, c),
        _ => null,
    };

    /// <param name="written">The version the row has once the change is saved (the edited one for a deletion).</param>
    /// <param name="current">Reads the row's version again when someone else's change came first; null when it is gone.</param>
    public static async Task<VersionedWrite> SaveAsync(DbContext context, int written, Func<Task<int?>> current)
    {
        try
        {
            await context.SaveChangesAsync();
            return new VersionedWrite(WriteOutcome.Done, written);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await current() is { } c ? new VersionedWrite(WriteOutcome.Stale, c) : new VersionedWrite(WriteOutcome.Missing, 0);
        }
    }
}
