using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

/// <summary>
/// Issues and validates the API's bearer tokens: JWTs signed with HMAC-SHA256 by Microsoft.IdentityModel's
/// JsonWebTokenHandler (the JwtBearer package itself does not restore from this workplace's mirror).
/// </summary>
public sealed class BearerTokens
{
    public const string Issuer = "riskmap";
    public const string Audience = "riskmap-api";

    private readonly SymmetricSecurityKey _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BearerTokens(AccessOptions options, ILogger<BearerTokens> logger, TimeProvider time)
    {
        _lifetime = TimeSpan.FromMinutes(options.TokenMinutes);
        _time = time;
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            // Without a configured key, tokens only work on this instance until it restarts.
            logger.LogWarning("Access:SigningKey is not set: bearer tokens are signed with a key that lives only in this process.");
            _key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
            return;
        }
        var bytes = TryBase64(options.SigningKey) ?? Encoding.UTF8.GetBytes(options.SigningKey);
        if (bytes.Length < 32) throw new InvalidOperationException("Access:SigningKey must be at least 32 bytes (256 bits).");
        _key = new SymmetricSecurityKey(bytes);
    }

    public TimeSpan Lifetime => _lifetime;

    public string Issue(UserAccount user)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(RiskMapClaims.Of(user)),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(_lifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(string token, string scheme)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        return result.IsValid ? RiskMapClaims.Principal(result.ClaimsIdentity.Claims, scheme) : null;
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 32 ? buffer[..written] : null;
    }
}
