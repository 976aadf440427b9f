using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// Canteen.Server as a separate OS process on a loopback port, every setting on its command line, so a test can kill
/// it with SIGKILL like a power cut would and start it again on the same data directory. Disposing always kills it.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const int OutputLines = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private string? _token;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The last lines the server printed (stdout and stderr), for failure messages.</summary>
    public string OutputTail => string.Join('\n', _output);

    /// <summary>Starts the server and waits until <c>/health/ready</c> answers, retrying once on a lost port race.</summary>
    public static Task<ServerProcess> StartAsync(string dataDirectory, TimeSpan readyTimeout, CancellationToken cancellationToken) =>
        StartAsync(dataDirectory, [], readyTimeout, cancellationToken);

    /// <summary>As <see cref="StartAsync(string, TimeSpan, CancellationToken)"/>, with more <c>--Key=Value</c> settings on the command line.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyList<string> settings, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(dataDirectory, ServerCommand.FreeLoopbackPort(), settings);
            try
            {
                await server.WaitReadyAsync(readyTimeout, cancellationToken);
                await server.SignInAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server._process.HasExited)
            {
                // Another process took the port between probing and binding: try another one.
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>A client signed in as the bootstrap admin (signed in once the server was ready).</summary>
    public HttpClient Client() => Support.TestAuth.Authorize(
        new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) },
        _token ?? throw new InvalidOperationException("Not signed in yet."));

    /// <summary>SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // It was never started or has already been reaped.
        }

        _process.Dispose();
    }

    private static ServerProcess Launch(string dataDirectory, int port, IReadOnlyList<string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var process = new Process { StartInfo = ServerCommand.For(address, dataDirectory, settings) };
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.Start();

        // Both pipes are drained all the time: a child blocked on a full pipe would look like a hang.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await client.PostAsJsonAsync(
            "/api/v1/auth/token", new { username = Support.TestAuth.AdminUsername, password = Support.TestAuth.AdminPassword }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(cancellationToken);
        _token = (string?)body?["accessToken"] ?? throw new InvalidOperationException("Sign-in answered without a token.");
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (!deadline.IsCancellationRequested)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:\n{OutputTail}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready", deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TimeoutException($"The server was not ready within {timeout}:\n{OutputTail}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLines && _output.TryDequeue(out _))
        {
        }
    }
}
