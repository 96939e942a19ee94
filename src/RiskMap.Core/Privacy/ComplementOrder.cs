using System.Security.Cryptography;
using System.Text;

namespace RiskMap.Core.Privacy;

/// <summary>
/// The order in which secondary suppression tries cells as complements: by HMAC-SHA256 of "indicator|period|code" under
/// a secret key. It ignores the values, so a choice says nothing about the cell beyond its being eligible; without the
/// key nobody can replay it to tell the small counts from their complements; with the same key and data it is the same
/// on every request and every instance.
/// </summary>
internal static class ComplementOrder
{
    /// <summary>Each cell's place in the order (0 first); ties, which need a collision of 64-bit prefixes, go by code.</summary>
    public static int[] Ranks(ReadOnlySpan<byte> key, string indicator, string period, CountHierarchy hierarchy)
    {
        var tags = new ulong[hierarchy.Count];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        for (var i = 0; i < hierarchy.Count; i++)
        {
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{indicator}|{period}|{hierarchy.Cells[i].Code}"), mac);
            tags[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(mac);
        }
        var ranks = new int[hierarchy.Count];
        var place = 0;
        foreach (var cell in Enumerable.Range(0, hierarchy.Count).OrderBy(i => tags[i]).ThenBy(i => i)) ranks[cell] = place++;
        return ranks;
    }
}
