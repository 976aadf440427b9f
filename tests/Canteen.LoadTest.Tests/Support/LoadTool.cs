using System.Text.Json;
using Canteen.LoadTest.Options;

namespace Canteen.LoadTest.Tests.Support;

/// <summary>Runs the load tool in this process through its real entry point (Program.cs), as `dotnet Canteen.LoadTest.dll` would.</summary>
internal static class LoadTool
{
    /// <summary>Runs the tool with <c>--json</c> and returns its exit code and report; fails if it wrote none.</summary>
    public static Task<(int ExitCode, JsonElement Report)> RunAsync(params string[] args) => WithReportAsync(args, ExitCodeAsync);

    /// <summary>
    /// As <see cref="RunAsync(string[])"/>, but the parsed options are changed before the run, for what the command line does not
    /// offer (the request timeout): the run then starts one step past Program.cs, where it hands them over.
    /// </summary>
    public static Task<(int ExitCode, JsonElement Report)> RunAsync(Func<LoadOptions, LoadOptions> change, params string[] args) =>
        WithReportAsync(args, all =>
        {
            var (options, error) = OptionsParser.Parse(all);
            Assert.True(options is not null && error is null, $"The test's command line is refused: {error}");
            return Task.Run(() => LoadTestApp.RunAsync(change(options)));
        });

    /// <summary>Runs the tool with exactly these arguments and returns its exit code.</summary>
    public static Task<int> ExitCodeAsync(params string[] args)
    {
        // The compiled entry point of an async Main blocks until the run ends, so it gets a pool thread of its own
        // (and no test synchronisation context, just as in the real process).
        var main = typeof(LoadTestApp).Assembly.EntryPoint ?? throw new InvalidOperationException("The load tool has no entry point.");
        return Task.Run(() => (int)main.Invoke(null, [args])!);
    }

    private static async Task<(int ExitCode, JsonElement Report)> WithReportAsync(string[] args, Func<string[], Task<int>> run)
    {
        var json = Path.Combine(Path.GetTempPath(), $"canteen-loadtest-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = await run([.. args, "--json", json]);
            Assert.True(File.Exists(json), $"The load tool wrote no report (exit code {exitCode}); its output is in the test's output.");

            using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
            return (exitCode, report.RootElement.Clone());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
