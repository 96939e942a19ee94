using Microsoft.AspNetCore.Identity;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2 with HMAC-SHA512, salted, iterated) and the password rule.</summary>
public sealed class Passwords
{
    public const int MinimumLength = 10;

    private readonly PasswordHasher<UserAccount> _hasher = new();

    // Verified against when the user does not exist, so a wrong username costs as long as a wrong password.
    private readonly string _decoy;

    public Passwords() => _decoy = _hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordVerificationResult Verify(UserAccount? user, string password)
    {
        var result = _hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? _decoy, password);
        return user is null ? PasswordVerificationResult.Failed : result;
    }

    /// <returns>Why the password is not acceptable, or null.</returns>
    public static string? Weakness(string password) =>
        password.Length < MinimumLength ? $"A password has at least {MinimumLength} characters." : null;
}
