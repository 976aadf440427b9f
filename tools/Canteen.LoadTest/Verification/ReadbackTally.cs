namespace Canteen.LoadTest.Verification;

/// <summary>
/// The read-back's counts, kept as each order is read rather than returned at the end: a verification that cannot
/// finish (a request timing out, Ctrl+C, an answer it cannot use) still reports the orders it did read back, and the
/// ones it found missing, instead of 0.
/// </summary>
internal sealed class ReadbackTally
{
    private long _checked;
    private long _missing;
    private long _notExpired;

    /// <summary>Orders read back with an answer to judge by (found or not).</summary>
    public long Checked => Interlocked.Read(ref _checked);

    public long Missing => Interlocked.Read(ref _missing);

    public long NotExpired => Interlocked.Read(ref _notExpired);

    public void AddFound() => Interlocked.Increment(ref _checked);

    public void AddMissing()
    {
        Interlocked.Increment(ref _missing);
        Interlocked.Increment(ref _checked);
    }

    public void AddNotExpired()
    {
        Interlocked.Increment(ref _notExpired);
        Interlocked.Increment(ref _checked);
    }
}
