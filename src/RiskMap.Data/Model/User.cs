using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RiskMap.Data.Model;

/// <summary>A user with the password hash, failed sign-ins and security stamp (<c>users</c>).</summary>
public sealed class User
{
    public long Id { get; set; }

    /// <summary>Lower case: sign-in ignores case.</summary>
    public string Username { get; set; } = null!;

    public string DisplayName { get; set; } = null!;
    public string Role { get; set; } = null!;
    public string? ScopeRegion { get; set; }
    public string? ScopeDistrict { get; set; }
    public string PasswordHash { get; set; } = null!;
    public int FailedLogins { get; set; }
    public DateTime? LockedUntil { get; set; }
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Carried in the user's cookies and tokens; a new one ends them all.</summary>
    public string SecurityStamp { get; set; } = null!;
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> entity)
    {
        entity.ToTable("users");
        entity.HasKey(u => u.Id);
        entity.Property(u => u.Id).UseSerialColumn();
        entity.Property(u => u.ScopeRegion).HasColumnType("character(9)");
        entity.Property(u => u.ScopeDistrict).HasColumnType("character(9)");
        entity.Property(u => u.CreatedAt).HasDefaultValueSql("now()");
        entity.HasIndex(u => u.Username).IsUnique();
    }
}
