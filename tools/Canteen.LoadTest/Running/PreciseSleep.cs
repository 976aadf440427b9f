using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Canteen.LoadTest.Running;

/// <summary>
/// Sleeps the calling thread until a <see cref="Stopwatch"/> timestamp, to within tens of microseconds on Linux.
/// </summary>
/// <remarks>
/// Why not <c>Task.Delay</c> or <c>Thread.Sleep</c>: .NET timers are about a millisecond coarse and their callbacks
/// wait for a thread-pool thread, which a busy client keeps busy; <c>Thread.Sleep</c> takes whole milliseconds. An
/// open-loop client that wakes late sends a burst whose latency counts from when it was due, so its own lateness
/// showed up as the server's: against a do-nothing endpoint at 3,500 requests/s it measured p99 7.6 ms. Linux's
/// <c>clock_nanosleep</c> wakes within the kernel's timer slack (50 µs by default) without spinning a core the
/// server under test needs. Elsewhere the sleep falls back to whole milliseconds.
/// </remarks>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private static readonly bool Precise = OperatingSystem.IsLinux() && Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Returns at or soon after <paramref name="timestamp"/>; at once when it has passed.</summary>
    public static void Until(long timestamp)
    {
        var ahead = timestamp - Stopwatch.GetTimestamp();
        if (ahead <= 0)
        {
            return;
        }

        if (Precise)
        {
            // Relative sleeps, repeated until the moment has come: an interrupted sleep (EINTR) simply sleeps again.
            for (; ahead > 0; ahead = timestamp - Stopwatch.GetTimestamp())
            {
                var span = new Timespec(ahead / 1_000_000_000, ahead % 1_000_000_000);
                _ = ClockNanosleep(ClockMonotonic, 0, in span, IntPtr.Zero);
            }

            return;
        }

        Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling(ahead * 1000.0 / Stopwatch.Frequency)));
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);
}
