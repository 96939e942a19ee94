using RiskMap.Web.Cli;
using RiskMap.Web.Hosting;

if (CliApp.IsCommand(args)) return await CliApp.RunAsync(args);

var app = RiskMapWebApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
