using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace RiskMap.Web.Hosting;

/// <summary>
/// PostgreSQL cannot hold a NUL character in text. Query parameters carrying one are refused before any endpoint runs,
/// and, as a safety net for request bodies, the database's refusal becomes a 400 problem instead of a 500.
/// </summary>
public static class TextInputGuard
{
    public static bool HasControlCharacters(string? text) => RiskMap.Core.Text.ControlCharacters.In(text);

    public static void UseTextInputGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v?.Contains('\0') == true)) is { Key: { } parameter })
        {
            await ApiProblems.BadParameter(parameter, $"{parameter} holds a NUL character.").ExecuteAsync(context);
            return;
        }
        await next();
    });

    /// <summary>Answers 400 for text the database refused as not valid in its encoding (SQLSTATE 22021).</summary>
    public sealed class DatabaseTextRefusal : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire }) return false;
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid text",
                detail: "The request holds a character that cannot be stored (such as NUL).",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid-text" }).ExecuteAsync(context);
            return true;
        }
    }
}
