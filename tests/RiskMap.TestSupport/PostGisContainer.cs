using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;

namespace RiskMap.TestSupport;

/// <summary>
/// One PostgreSQL + PostGIS container per test process, from RISKMAP_TEST_IMAGE (<c>./riskmap test</c> builds one from
/// Debian packages: docker/postgis) or the public PostGIS 15 image. It is set up as docker/compose.yaml sets up its
/// database: the owner <c>riskmap</c> and, by docker/initdb, the runtime role <c>riskmap_app</c>. Testcontainers' reaper
/// (Ryuk) is off, as its image cannot be pulled here, so the container carries a label naming this process: it is
/// removed when the process exits, and containers of processes that died without removing theirs are removed at start.
/// </summary>
public static class PostGisContainer
{
    public const string DefaultImage = "postgis/postgis:15-3.4";
    private const string ProcessLabel = "riskmap.test-process";
    private const string Template = "riskmap_template";
    private static readonly Lazy<Task<TestServer>> Started = new(StartAsync);

    public static string Image => Environment.GetEnvironmentVariable("RISKMAP_TEST_IMAGE") is { Length: > 0 } image ? image : DefaultImage;

    /// <summary>The container's server, started on first use.</summary>
    public static Task<TestServer> ServerAsync() => Started.Value;

    private static async Task<TestServer> StartAsync()
    {
        try
        {
            await UseTheEngineApiVersionAsync();
            TestcontainersSettings.ResourceReaperEnabled = false;
            await RemoveLeftoversAsync();
            var password = Password();
            var appPassword = Password();
            var container = new PostgreSqlBuilder(Image)
                .WithUsername("riskmap")
                .WithPassword(password)
                .WithDatabase(Template)
                .WithEnvironment("RISKMAP_APP_DB_PASSWORD", appPassword)
                .WithResourceMapping(FilePath.Of(Path.Combine(GeoData.RepositoryRoot(), "docker", "initdb", "10-runtime-role.sh")),
                    DirectoryPath.Of("/docker-entrypoint-initdb.d"))
                .WithLabel(ProcessLabel, ThisProcess())
                .WithCreateParameterModifier(OnLoopbackOnly)
                .Build();
            // Registered before the start, so a start that fails half-way leaves nothing behind either.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            await container.StartAsync();
            // The port is published on loopback only, so not container.Hostname (the bridge's gateway when this process
            // itself runs in a container).
            var owner = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort),
                Username = "riskmap", Password = password,
            }.ConnectionString;
            var server = new TestServer(owner, new NpgsqlConnectionStringBuilder(owner) { Username = "riskmap_app", Password = appPassword }.ConnectionString,
                Template);
            // Not pooled: a template cannot be copied while a session is connected to it.
            await using var connection = new NpgsqlConnection(server.OwnerOf(Template, pooling: false));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
            await command.ExecuteNonQueryAsync();
            return server;
        }
        catch (Exception e) when (e is DockerUnavailableException or Docker.DotNet.DockerApiException or HttpRequestException or SocketException)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL container could be started from the image {Image}: {e.Message} " +
                "Start a Docker engine and build the image (./riskmap test does both), or set RISKMAP_TEST_PG to a PostgreSQL + PostGIS server.", e);
        }
    }

    /// <summary>
    /// Testcontainers' Docker client speaks API 1.44 unless DOCKER_API_VERSION says otherwise, and Debian 12's docker.io
    /// (20.10) answers only up to 1.41; so a local engine is asked its version (an unversioned call) before the first use.
    /// </summary>
    private static async Task UseTheEngineApiVersionAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } given ? given : "unix:///var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is { Length: > 0 } || !host.StartsWith("unix://", StringComparison.Ordinal)) return;
        var socket = new UnixDomainSocketEndPoint(host["unix://".Length..]);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await connection.ConnectAsync(socket, cancellation);
                return new NetworkStream(connection, ownsSocket: true);
            },
        });
        using var version = JsonDocument.Parse(await http.GetStringAsync("http://docker/version"));
        var api = System.Version.Parse(version.RootElement.GetProperty("ApiVersion").GetString()!);
        if (api < new System.Version(1, 44)) Environment.SetEnvironmentVariable("DOCKER_API_VERSION", api.ToString());
    }

    /// <summary>Docker publishes on every interface unless told otherwise; the database is for this machine only.</summary>
    private static void OnLoopbackOnly(CreateContainerParameters parameters)
    {
        foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? []) binding.HostIP = "127.0.0.1";
    }

    /// <summary>The process id and its start time: a later process that reuses the id does not adopt the container.</summary>
    private static string ThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return Identify(process);
    }

    private static string Identify(Process process) => $"{process.Id}@{process.StartTime.ToUniversalTime():O}";

    private static bool IsRunning(string label)
    {
        if (!int.TryParse(label.Split('@')[0], out var id)) return false;
        try
        {
            using var process = Process.GetProcessById(id);
            return Identify(process) == label;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task RemoveLeftoversAsync()
    {
        var endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig
            ?? throw new DockerUnavailableException("No Docker engine answers (DOCKER_HOST, the Docker socket).");
        using var client = endpoint.GetDockerClientBuilder(Guid.NewGuid()).Build();
        var containers = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [ProcessLabel] = true } },
        });
        foreach (var leftover in containers.Where(c => !IsRunning(c.Labels[ProcessLabel])))
        {
            await client.Containers.RemoveContainerAsync(leftover.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }
    }

    private static string Password() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
