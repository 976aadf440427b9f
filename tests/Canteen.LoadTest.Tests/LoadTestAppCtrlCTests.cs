using System.Reflection;
using Canteen.LoadTest.Tests.Support;

namespace Canteen.LoadTest.Tests;

/// <summary>
/// The tool's Ctrl+C handler is process-wide; each run must take it away again, or runs in one process (these tests)
/// pile up handlers of runs long over.
/// </summary>
[Collection(nameof(ConsoleWideCollection))]
public sealed class LoadTestAppCtrlCTests
{
    [Fact]
    public async Task Main_RunEnds_ItsCtrlCHandlerIsRemoved()
    {
        await using var server = await LyingServer.ForgettingOrdersAsync();
        var before = CtrlCHandlers();

        var (exitCode, _) = await LoadTool.RunAsync(Args(server));

        Assert.Equal(0, exitCode);
        Assert.Equal(before, CtrlCHandlers());
    }

    // The report cannot be written to a directory that does not exist: the run ends with an exception, and still
    // leaves no handler behind.
    [Fact]
    public async Task Main_RunEndsWithAnException_ItsCtrlCHandlerIsRemoved()
    {
        await using var server = await LyingServer.ForgettingOrdersAsync();
        var json = Path.Combine(Path.GetTempPath(), $"canteen-loadtest-{Guid.NewGuid():N}", "missing", "out.json");
        var before = CtrlCHandlers();

        await Assert.ThrowsAsync<TargetInvocationException>(() => LoadTool.ExitCodeAsync([.. Args(server), "--json", json]));

        Assert.Equal(before, CtrlCHandlers());
    }

    private static string[] Args(LyingServer server) =>
        ["--url", server.Url.ToString(), "--guest-tokens", "0", "--connections", "2", "--duration", "30", "--warmup", "0", "--requests", "10", "--no-verify"];

    /// <summary>Who is subscribed to <see cref="Console.CancelKeyPress"/>, read from the event's backing field.</summary>
    private static Delegate[] CtrlCHandlers()
    {
        var field = typeof(Console).GetField("s_cancelCallbacks", BindingFlags.Static | BindingFlags.NonPublic);
        Assert.True(field is not null, "System.Console keeps its Ctrl+C handlers elsewhere in this runtime; this test needs updating.");
        return (field.GetValue(null) as Delegate)?.GetInvocationList() ?? [];
    }
}
