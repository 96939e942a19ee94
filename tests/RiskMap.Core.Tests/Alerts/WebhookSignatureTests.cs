using RiskMap.Core.Alerts;

namespace RiskMap.Core.Tests.Alerts;

/// <summary>The webhook signature against a value worked out independently, and the retry delays.</summary>
public class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_hmac_sha256_with_the_secret_of_timestamp_dot_body_in_lower_case_hex()
    {
        // printf '%s' '1767225600.{"a":1}' | openssl dgst -sha256 -hmac secret
        Assert.Equal("t=1767225600,v1=96a067a1c95eb143fc00b9097bcfcbcd5456adda508c443ff219748e764dbed7",
            WebhookSignature.Sign("secret", 1767225600, """{"a":1}"""));
        // The timestamp is signed too: a replay under a new time does not carry a valid signature.
        Assert.NotEqual(WebhookSignature.Sign("secret", 1767225600, "{}")[^64..], WebhookSignature.Sign("secret", 1767225601, "{}")[^64..]);
    }

    [Fact]
    public void Each_retry_waits_twice_as_long_as_the_one_before_up_to_the_cap()
    {
        var backoff = new WebhookBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 8);
        Assert.Equal([30, 60, 120, 240, 300, 300], Enumerable.Range(1, 6).Select(a => backoff.After(a).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(5), backoff.After(100));
    }
}
