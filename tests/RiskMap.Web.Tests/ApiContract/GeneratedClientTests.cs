using System.Text;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RiskMap.ApiClient;
using RiskMap.ApiClient.Models;
using RiskMap.TestSupport;
using RiskMap.Web.Features.Access;

namespace RiskMap.Web.Tests.ApiContract;

/// <summary>
/// The C# client Kiota generates from the live document (tests/RiskMap.ApiClient/Generated, as an agency system builds
/// it) is the committed one, and it works: a data steward pushes an indicator batch through it, and the batch and its
/// values read back through it.
/// </summary>
public class GeneratedClientTests(ContractApp app) : IClassFixture<ContractApp>
{
    /// <summary>Set to 1 to write the client generated from today's document over the committed one.</summary>
    private const string RegenerateVariable = "RISKMAP_REGENERATE_API_CLIENT";

    private static string CommittedClient => Path.Combine(ContractApp.CheckoutRoot, "tests", "RiskMap.ApiClient", "Generated");

    [Fact]
    public async Task The_committed_client_is_the_one_the_live_document_generates()
    {
        using var files = new TempFiles();
        var document = await app.WriteDocumentAsync(files.Directory);
        var generated = Path.Combine(files.Directory, "client");
        var (exitCode, output, error) = await Tool.RunAsync(ContractApp.CheckoutRoot, "dotnet", new Dictionary<string, string> { ["KIOTA_UPDATE__DISABLED"] = "true" },
            "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", generated, "--class-name", "RiskMapClient",
            "--namespace-name", "RiskMap.ApiClient", "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning");
        Assert.True(exitCode == 0, output + error);
        // The lock file records where the document was read from (a temporary file): not part of the client.
        File.Delete(Path.Combine(generated, "kiota-lock.json"));

        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            if (Directory.Exists(CommittedClient)) Directory.Delete(CommittedClient, recursive: true);
            CopyDirectory(generated, CommittedClient);
        }
        var differences = Files(generated).Union(Files(CommittedClient))
            .Where(file => Content(generated, file) != Content(CommittedClient, file)).Order(StringComparer.Ordinal).ToList();
        Assert.True(differences.Count == 0,
            $"The OpenAPI document changed and the committed client was not regenerated ({RegenerateVariable}=1 ./riskmap test --filter " +
            $"FullyQualifiedName~GeneratedClientTests writes it). Differing files:\n" + string.Join("\n", differences.Take(40)));
    }

    [Fact]
    public async Task A_steward_pushes_an_indicator_batch_through_the_client_and_reads_it_back()
    {
        await TestUsers.EnsureAsync(app.Database, "steward");
        await TestUsers.EnsureAsync(app.Database, "analyst");
        var steward = await SignedInClientAsync("steward");
        const string csv = """
            entity_level,entity_code,indicator,period,value
            district,751110000,offences_by_minors,2026Q1,41
            district,751210000,offences_by_minors,2026Q1,57
            """;

        var body = new MultipartBody();
        body.AddOrReplacePart("file", "text/csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), "almaty-2026q1.csv");
        var pushed = await steward.Api.Imports["indicators"].PostAsync(body);
        Assert.Equal((2, 2), (pushed!.RowsRead, pushed.Inserted));

        var batch = (await steward.Api.Imports.GetAsync())!.First();
        Assert.Equal(("indicators", "almaty-2026q1.csv", "succeeded"), (batch.Kind, batch.FileName, batch.Status));
        var detail = await steward.Api.Imports.Batches[batch.Id!.Value].GetAsync();
        Assert.Equal((batch.Id, 2, 2, "steward"), (detail!.Id, detail.RowsRead, detail.RowsInserted, detail.ImportedBy));

        var analyst = await SignedInClientAsync("analyst");
        var counts = await analyst.Api.Counts.GetAsync(request =>
        {
            request.QueryParameters.Indicator = "offences_by_minors";
            request.QueryParameters.Period = "2026Q1";
            request.QueryParameters.Region = "750000000";
        });
        var values = counts!.Units!.Where(u => u.Value is not null).ToDictionary(u => u.Code!, u => u.Value);
        Assert.Equal(new Dictionary<string, double?> { ["751110000"] = 41, ["751210000"] = 57 }, values);
    }

    /// <summary>The generated client signed in through its own token operation, its requests as the user's bearer.</summary>
    private async Task<RiskMapClient> SignedInClientAsync(string username)
    {
        var anonymous = new RiskMapClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: app.CreateClient()));
        var token = await anonymous.Api.Auth.Token.PostAsync(new Credentials { Username = username, Password = DemoUsers.Password });
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        return new RiskMapClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http));
    }

    private static IEnumerable<string> Files(string directory) => Directory.Exists(directory)
        ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f))
        : [];

    private static string? Content(string directory, string file) =>
        File.Exists(Path.Combine(directory, file)) ? File.ReadAllText(Path.Combine(directory, file)).ReplaceLineEndings("\n") : null;

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Files(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, file))!);
            File.Copy(Path.Combine(from, file), Path.Combine(to, file));
        }
    }
}
