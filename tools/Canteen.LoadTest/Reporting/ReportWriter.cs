using System.Security;
using System.Text.Json;

namespace Canteen.LoadTest.Reporting;

/// <summary>
/// Writes the <c>--json</c> report. By then the run is over and its table printed, so a report that cannot be written
/// (a full disk, a missing permission, a directory removed during the run) is said in one line, not a stack trace.
/// </summary>
internal static class ReportWriter
{
    public static async Task<bool> TryWriteAsync(string path, RunReport report)
    {
        try
        {
            await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(report, ReportJsonContext.Default.RunReport));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            // A half-written file is left as it is: deleting whatever the path names (it may be a device) is not ours to do.
            await Console.Error.WriteLineAsync($"could not write the report to {path}: {e.Message}");
            return false;
        }

        Console.WriteLine($"report written to {path}");
        return true;
    }
}
