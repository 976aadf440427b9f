namespace Canteen.LoadTest;

/// <summary>
/// What Ctrl+C does during a run. The first, while the load runs, stops the load early: what was sent is still
/// verified and reported. The next one, or the first once the verification has begun (which can take 10 minutes plus
/// <c>--expire-wait</c>), interrupts the verification: it ends as not finished, and the report is still written.
/// After that nothing is left to shorten, so a further Ctrl+C is let through and ends the process at once, as Ctrl+C
/// normally does; with <c>--no-verify</c> that is already the second. The decisions are in <see cref="Press"/>, so they
/// can be tested without sending the process a signal.
/// </summary>
internal sealed class CtrlCHandler : IDisposable
{
    private readonly Action _stopLoad;
    private readonly bool _verify;
    private readonly TextWriter _output;
    private readonly CancellationTokenSource _interrupt = new();
    private readonly Lock _gate = new();
    private ConsoleCancelEventHandler? _subscribed;
    private Stage _stage = Stage.Loading;

    public CtrlCHandler(Action stopLoad, bool verify, TextWriter output)
    {
        _stopLoad = stopLoad;
        _verify = verify;
        _output = output;
    }

    private enum Stage
    {
        Loading,
        LoadStopped,
        Verifying,
        Interrupted,
    }

    /// <summary>Cancelled when a Ctrl+C interrupts the verification, or asks to skip it before it began.</summary>
    public CancellationToken VerificationInterrupted => _interrupt.Token;

    /// <summary>
    /// Handles Ctrl+C of this process until disposed. The handler is process-wide: left behind, it would outlive this
    /// run (the tests run the tool many times in one process) and keep swallowing Ctrl+C for a run that is over.
    /// </summary>
    public static CtrlCHandler Attach(Action stopLoad, bool verify, TextWriter output)
    {
        var handler = new CtrlCHandler(stopLoad, verify, output);
        handler._subscribed = (_, e) => e.Cancel = handler.Press();
        Console.CancelKeyPress += handler._subscribed;
        return handler;
    }

    /// <summary>From now on the first Ctrl+C interrupts the verification rather than stopping the (finished) load.</summary>
    public void VerificationStarted()
    {
        lock (_gate)
        {
            if (_stage != Stage.Interrupted)
            {
                _stage = Stage.Verifying;
            }
        }
    }

    /// <summary>One Ctrl+C; returns whether the process keeps running (<see cref="ConsoleCancelEventArgs.Cancel"/>).</summary>
    public bool Press()
    {
        string message;
        bool interrupt;
        lock (_gate)
        {
            switch (_stage)
            {
                case Stage.Loading:
                    _stage = Stage.LoadStopped;
                    _stopLoad();
                    interrupt = false;
                    message = _verify
                        ? "stopping; press Ctrl+C again to skip verification"
                        : "stopping; press Ctrl+C again to quit at once, without a report";
                    break;
                case Stage.LoadStopped or Stage.Verifying when _verify:
                    message = (_stage == Stage.Verifying ? "interrupting verification" : "skipping verification") +
                        "; the report follows (Ctrl+C again quits at once, without it)";
                    _stage = Stage.Interrupted;
                    interrupt = true;
                    break;
                default:
                    return false;
            }
        }

        // On a line of its own: on a terminal, the progress line is being rewritten in place.
        _output.WriteLine();
        _output.WriteLine(message);
        if (interrupt)
        {
            // Outside the lock: cancelling runs the verification's callbacks (aborting its requests) on this thread.
            _interrupt.Cancel();
        }

        return true;
    }

    /// <summary>
    /// Takes the handler away. The token source is left undisposed on purpose: it has no timer or wait handle to free,
    /// and a Ctrl+C whose handler was already running on the signal thread could otherwise cancel a disposed one.
    /// </summary>
    public void Dispose()
    {
        if (_subscribed is not null)
        {
            Console.CancelKeyPress -= _subscribed;
        }
    }
}
