using Microsoft.AspNetCore.Http.Features;
using RiskMap.Core.Imports;
using RiskMap.Core.Localization;
using RiskMap.Data.Imports;
using RiskMap.Data.Queries;
using RiskMap.Data.Access;
using RiskMap.Web.Features.Access;
using RiskMap.Web.Hosting;

namespace RiskMap.Web.Features.Imports;

public static class ImportEndpoints
{
    private const string DryRunParameter = "dryRun";

    public static void MapImportEndpoints(this IEndpointRouteBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(AccessSetup.StewardPolicy);

        imports.MapGet("/", async (HttpRequest request, ImportBatchQueries queries, string? limit) =>
                Results.Ok((await queries.ListAsync(QueryParameters.Limit(limit, 50, 1_000))).Select(b => ImportBatchView.From(b, RequestLanguage(request)))))
            .WithSummary("The import log, newest first: who imported which file when, with row counts, status and findings.")
            .WithDescription(BatchStatuses)
            .Produces<IReadOnlyList<ImportBatchView>>();

        imports.MapGet("/batches/{id:long}", async (HttpRequest request, ImportBatchQueries queries, long id) =>
                await queries.FindAsync(id) is { } batch
                    ? Results.Ok(ImportBatchView.From(batch, RequestLanguage(request)))
                    : ApiProblems.NotFound("import batch", $"There is no import batch {id}."))
            .WithSummary("One import batch, including its progress while it runs.")
            .WithDescription(BatchStatuses)
            .Produces<ImportBatchView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapPost("/{kind}", UploadAsync)
            .WithSummary("Imports a file (multipart field 'file'): boundaries (.geojson, .json, .zip of a Shapefile), schools (.csv, .geojson) or indicators (.csv).")
            .WithDescription("Options go in the query string, e.g. ?level=district&repair=true&srid=32642&source=akimat-75. " +
                             "The import is all-or-nothing: on any error nothing is stored and the response lists every finding " +
                             "with row, field, value and a reason in the language of Accept-Language or ?lang=kk|ru|en. " +
                             "A row with more fields than the header, a count indicator's value that is not a whole number and a missing column are findings " +
                             "like any other; a missing column does not stop the checks of the other columns. " +
                             "?dryRun=true checks and applies the file in a transaction that is rolled back, stores nothing (not even a log entry) " +
                             "and answers 200 with the counts it would have and the first changed rows (key, field, old → new); a stored value " +
                             "is shown only to the user who imported it (oldWithheld otherwise). Dry runs list changed rows for indicator values. " +
                             "Indicator values the quarantine finds suspicious are held back from the scores (held, and a values-held warning " +
                             "per reason) until a steward accepts them: /api/quarantine.")
            .Accepts<ImportUploadForm>("multipart/form-data")
            .Produces<ImportResultView>(StatusCodes.Status201Created)
            .Produces<ImportPreviewView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
    }

    private const string BatchStatuses =
        "status is running, succeeded, failed or interrupted: a batch whose importing process died (its lease, renewed while it runs, " +
        "lapsed after Imports:LeaseSeconds); nothing of an interrupted or failed batch is stored. Findings are in the language of " +
        "Accept-Language or ?lang=kk|ru|en.";

    private static Language RequestLanguage(HttpRequest request) =>
        Languages.FromCode(request.Query["lang"].FirstOrDefault() ?? request.Headers.AcceptLanguage.FirstOrDefault());

    /// <summary>The upload's form as clients send it (the handler reads the form itself, to answer 413 for a file too large).</summary>
    public sealed record ImportUploadForm(IFormFile File);

    public sealed record ImportResultView(long BatchId, string Kind, int RowsRead, int Inserted, int Updated, int Unchanged, int Held,
        IReadOnlyList<ImportIssueView> Warnings);

    public sealed record ImportPreviewView(bool DryRun, string Kind, int RowsRead, int Inserted, int Updated, int Unchanged, int Held,
        IReadOnlyList<ImportIssueView> Warnings, IReadOnlyList<ImportChange> Changes);

    private static async Task<IResult> UploadAsync(HttpRequest request, string kind, ImportService imports, CancellationToken cancellationToken)
    {
        var language = RequestLanguage(request);
        bool dryRun;
        try
        {
            dryRun = QueryParameters.Flag(DryRunParameter, request.Query[DryRunParameter].FirstOrDefault());
        }
        catch (QueryParameters.Invalid invalid)
        {
            return invalid.Problem;
        }
        if (!ImportKinds.TryParse(kind, out var importKind))
            return ApiProblems.NotFound("import kind", $"'{kind}' is not an import kind; use boundaries, schools or indicators.");

        ImportOptions options;
        try
        {
            options = ImportOptions.Parse(importKind, request.Query
                .Where(q => q.Key is not ("lang" or DryRunParameter))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        }
        catch (InvalidImportOptionException e)
        {
            return ApiProblems.BadParameter(e.Option, e.Message);
        }

        IFormFile? file;
        try
        {
            if (!request.HasFormContentType) return ApiProblems.BadParameter("file", "Send the file as multipart/form-data in a field named 'file'.");
            file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
                detail: ImportProblemTexts.Describe(ImportProblem.FileTooLarge, language, OptionSpelling.Query),
                extensions: new Dictionary<string, object?> { ["code"] = "file-too-large" });
        }
        if (file is null) return ApiProblems.BadParameter("file", "Send the file as multipart/form-data in a field named 'file'.");

        var fileName = Path.GetFileName(file.FileName);
        var path = Path.Combine(Path.GetTempPath(), $"riskmap-upload-{Guid.NewGuid():N}{Path.GetExtension(fileName).ToLowerInvariant()}");
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }
            var importedBy = request.HttpContext.CallerScope().User;
            if (dryRun)
            {
                var preview = await imports.PreviewAsync(new ImportRequest(importKind, path, fileName, importedBy, options), cancellationToken);
                return Results.Ok(new ImportPreviewView(true, preview.Kind.Code(), preview.Counts.RowsRead, preview.Counts.Inserted, preview.Counts.Updated,
                    preview.Counts.Unchanged, preview.Counts.Held, preview.Warnings.Select(w => ImportIssueView.From(w, language, OptionSpelling.Query)).ToList(), preview.Changes));
            }
            var result = await imports.ImportAsync(new ImportRequest(importKind, path, fileName, importedBy, options), cancellationToken: cancellationToken);
            await request.HttpContext.AuditAsync(AuditLog.Actions.Import, $"{importKind.Code()} batch {result.BatchId}", new Dictionary<string, object?>
            {
                ["file"] = fileName, ["rowsRead"] = result.Counts.RowsRead, ["inserted"] = result.Counts.Inserted, ["updated"] = result.Counts.Updated,
                ["held"] = result.Counts.Held,
            });
            var view = new ImportResultView(result.BatchId, result.Kind.Code(), result.Counts.RowsRead, result.Counts.Inserted,
                result.Counts.Updated, result.Counts.Unchanged, result.Counts.Held, result.Warnings.Select(w => ImportIssueView.From(w, language, OptionSpelling.Query)).ToList());
            return Results.Created($"/api/imports/batches/{result.BatchId}", view);
        }
        catch (ImportFailedException failed) when (dryRun)
        {
            return Rejected(failed, language);
        }
        catch (ImportFailedException failed)
        {
            await request.HttpContext.AuditAsync(AuditLog.Actions.Import, $"{importKind.Code()} batch {failed.BatchId}", new Dictionary<string, object?>
            {
                ["file"] = fileName, ["rejected"] = true, ["errors"] = failed.Issues.Count(i => !i.IsWarning),
            });
            return Rejected(failed, language);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The problem answering a refused import: every finding, its status from the gravest; <paramref name="title"/> for other than a file.</summary>
    internal static IResult Rejected(ImportFailedException failed, Language language, string? title = null)
    {
        var errors = failed.Issues.Where(i => !i.IsWarning).ToList();
        var status = errors.Any(i => i.Problem is ImportProblem.FileTooLarge or ImportProblem.TooManyRows) ? StatusCodes.Status413PayloadTooLarge
            : errors.Any(i => i.Problem is ImportProblem.MalformedJson or ImportProblem.NotAFeatureCollection or ImportProblem.UnreadableFile
                or ImportProblem.EmptyFile or ImportProblem.MissingColumn) ? StatusCodes.Status400BadRequest
            : StatusCodes.Status422UnprocessableEntity;
        return Results.Problem(statusCode: status, title: title ?? RejectedTitle(language),
            detail: string.Join(" ", errors.Take(3).Select(e => ImportProblemTexts.Describe(e.Problem, language, OptionSpelling.Query))),
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "import-rejected",
                ["batchId"] = failed.BatchId == 0 ? null : failed.BatchId,
                ["errorCount"] = errors.Count,
                ["issues"] = failed.Issues.Select(i => ImportIssueView.From(i, language, OptionSpelling.Query)).ToList(),
            });
    }

    private static string RejectedTitle(Language language) => language switch
    {
        Language.Kk => "Файл қабылданбады: ештеңе сақталмады",
        Language.Ru => "Файл отклонён: ничего не сохранено",
        _ => "The file was rejected: nothing was stored",
    };
}
