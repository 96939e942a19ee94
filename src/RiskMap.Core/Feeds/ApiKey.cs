using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RiskMap.Core.Feeds;

/// <summary>
/// An agency client's API key, <c>rmk.&lt;public id&gt;.&lt;secret&gt;</c>: the public id (16 lower-case letters and
/// digits) finds the stored key, the secret (256 random bits, base64url) proves it. Only the secret's SHA-256 is stored.
/// A plain hash is enough here, unlike for passwords: the secret is 256 random bits, not a human choice, so there is no
/// dictionary to try and a slow hash would only cost CPU on every request without making a stolen hash any harder to reverse.
/// </summary>
public sealed record ApiKey(string PublicId, string Secret)
{
    private const string Prefix = "rmk";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int SecretBytes = 32;

    public static ApiKey Generate() =>
        new(RandomNumberGenerator.GetString(Alphabet, 16), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes)));

    /// <summary>The key as the client sends it in the X-Api-Key header.</summary>
    public override string ToString() => $"{Prefix}.{PublicId}.{Secret}";

    public static bool TryParse(string? text, out ApiKey key)
    {
        key = null!;
        var parts = text?.Trim().Split('.');
        if (parts is not [Prefix, var publicId, var secret] || publicId.Length != 16 || !publicId.All(Alphabet.Contains)
            || !Base64Url.IsValid(secret, out var length) || length != SecretBytes)
            return false;
        key = new ApiKey(publicId, secret);
        return true;
    }

    public byte[] SecretHash() => SHA256.HashData(Encoding.ASCII.GetBytes(Secret));

    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(SecretHash(), storedHash);
}
