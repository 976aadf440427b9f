namespace Canteen.Engine.Storage;

/// <summary>The persisted state of one order's stock hold (TCC): tried, confirmed (sold) or cancelled (released).</summary>
public enum HoldState
{
    Held,
    Confirmed,
    Released,

    /// <summary>Confirmed on an earlier business day: sold then, no longer counted in today's stock.</summary>
    Settled,
}
