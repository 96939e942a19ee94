using System.Security.Cryptography;
using System.Text;

namespace RiskMap.Core.Alerts;

/// <summary>
/// The signature of a webhook delivery: HMAC-SHA256 with the subscriber's secret over "timestamp.body", sent as
/// <c>X-RiskMap-Signature: t=1767225600,v1=hex</c>. The timestamp is signed with the body so that a receiver can refuse
/// an old delivery replayed.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-RiskMap-Signature";

    /// <returns>The header's value for the body sent at the time (Unix seconds).</returns>
    public static string Sign(string secret, long timestamp, string body) => $"t={timestamp},v1={Hex(secret, timestamp, body)}";

    private static string Hex(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
