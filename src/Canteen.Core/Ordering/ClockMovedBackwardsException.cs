namespace Canteen.Core.Ordering;

/// <summary>
/// The clock went back further than the id generator may bridge. Issuing ids would risk duplicates, so it refuses
/// until the clock catches up (an operator should look at NTP).
/// </summary>
public sealed class ClockMovedBackwardsException : Exception
{
    public ClockMovedBackwardsException(TimeSpan drift)
        : base($"The clock moved back by {drift.TotalMilliseconds:F0} ms; refusing to issue ids that could repeat.") => Drift = drift;

    public ClockMovedBackwardsException()
        : this(TimeSpan.Zero)
    {
    }

    public ClockMovedBackwardsException(string message)
        : base(message)
    {
    }

    public ClockMovedBackwardsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan Drift { get; }
}
