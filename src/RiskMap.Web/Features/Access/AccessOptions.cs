using RiskMap.Core.Privacy;

namespace RiskMap.Web.Features.Access;

/// <summary>The "Access" configuration section.</summary>
public sealed class AccessOptions
{
    public static AccessOptions From(IConfiguration configuration) => configuration.GetSection("Access").Get<AccessOptions>() ?? new AccessOptions();

    /// <summary>HMAC-SHA256 key for bearer tokens: at least 32 bytes, base64 or text. Shared by every instance of a cluster.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the keys protecting sign-in cookies are kept, so every instance (and a restart) can read the cookies.</summary>
    public string? KeysDirectory { get; set; }

    public int TokenMinutes { get; set; } = 60;
    public int CookieHours { get; set; } = 8;

    /// <summary>Failed sign-ins in a row before the account locks for <see cref="LockoutMinutes"/>.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in and token requests per client address and minute.</summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary>Exports per user (or client address) and minute.</summary>
    public int ExportsPerMinute { get; set; } = 30;

    /// <summary>Counts from 1 to this − 1 are withheld from public outputs.</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>
    /// A region's or district's risk class is withheld from callers without detail on it (the public everywhere) when it
    /// has fewer pupils than this (see <see cref="SmallAreaSuppression"/>).
    /// </summary>
    public int MinimumPupilsForClass { get; set; } = SmallAreaSuppression.DefaultMinimumPupils;
}
