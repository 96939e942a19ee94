using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RiskMap.Web.Tests.Alerts;

/// <summary>
/// A webhook receiver on 127.0.0.1: it records every request (when, its signature header, its body) and answers with
/// the status codes it is given, one per request, then 200.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    public sealed record Received(DateTimeOffset At, string? Signature, string Body);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers;
    private readonly Task _loop;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string Url { get; }

    /// <summary>When set, the first request is answered only once this completes (a receiver slow enough to stop a node mid-delivery).</summary>
    public TaskCompletionSource? HoldFirst { get; init; }

    public LoopbackReceiver(params int[] answers)
    {
        _answers = new ConcurrentQueue<int>(answers);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            Requests.Enqueue(new Received(DateTimeOffset.UtcNow, context.Request.Headers["X-RiskMap-Signature"], await reader.ReadToEndAsync()));
            var status = _answers.TryDequeue(out var given) ? given : 200;
            if (Requests.Count == 1 && HoldFirst is { } hold) _ = AnswerAsync(context, status, hold.Task);
            else await AnswerAsync(context, status, Task.CompletedTask);
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, Task when)
    {
        await when;
        try
        {
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The sender gave up on the request (its node stopped): nobody to answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
