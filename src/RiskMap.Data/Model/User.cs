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
        entity.Property(u => u.Id).HasColumnName("id").UseSerialColumn();
        entity.Property(u => u.Username).HasColumnName("username");
        entity.Property(u => u.DisplayName).HasColumnName("display_name");
        entity.Property(u => u.Role).HasColumnName("role");
        entity.Property(u => u.ScopeRegion).HasColumnName("scope_region").HasColumnType("character(9)");
        entity.Property(u => u.ScopeDistrict).HasColumnName("scope_district").HasColumnType("character(9)");
        entity.Property(u => u.PasswordHash).HasColumnName("password_hash");
        entity.Property(u => u.FailedLogins).HasColumnName("failed_logins");
        entity.Property(u => u.LockedUntil).HasColumnName("locked_until");
        entity.Property(u => u.Disabled).HasColumnName("disabled");
        entity.Property(u => u.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()");
        entity.Property(u => u.SecurityStamp).HasColumnName("security_stamp");
        entity.HasIndex(u => u.Username).IsUnique();
    }
}
