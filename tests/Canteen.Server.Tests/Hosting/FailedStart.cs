using System.Diagnostics;
using Canteen.Server.Tests.Crash;

namespace Canteen.Server.Tests.Hosting;

/// <summary>The real server started as a process that is expected to stop at start-up, and what it printed.</summary>
internal sealed record FailedStart(int ExitCode, string Output, string Error)
{
    /// <summary>Starts the server on <paramref name="address"/> with <paramref name="settings"/> and waits (up to 60 s) for it to exit.</summary>
    public static async Task<FailedStart> RunAsync(Uri address, IReadOnlyList<string> settings)
    {
        var directory = Directory.CreateTempSubdirectory("canteen-start-");
        try
        {
            using var process = Process.Start(ServerCommand.For(address, directory.FullName, settings))!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            return new FailedStart(process.ExitCode, await output, await error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>What it wrote to stderr, line by line.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
