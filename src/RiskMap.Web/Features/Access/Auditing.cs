using RiskMap.Core.Access;
using RiskMap.Data.Access;

namespace RiskMap.Web.Features.Access;

public static class Auditing
{
    /// <summary>Records an action of the caller in the audit log.</summary>
    public static Task AuditAsync(this HttpContext http, string action, string? target, IReadOnlyDictionary<string, object?>? details = null)
    {
        var scope = http.CallerScope();
        return http.RequestServices.GetRequiredService<AuditLog>().WriteAsync(new AuditEntry(
            scope.User, scope.Role?.ToCode(), action, target, details ?? new Dictionary<string, object?>(), AccessSetup.ClientAddress(http)));
    }
}
