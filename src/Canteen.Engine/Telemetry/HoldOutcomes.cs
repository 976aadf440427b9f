namespace Canteen.Engine.Telemetry;

/// <summary>Values of the <c>outcome</c> tag of <c>canteen.stock.holds</c>: one per move a hold can make.</summary>
public static class HoldOutcomes
{
    /// <summary>Try reserved the portions of every limited line.</summary>
    public const string Taken = "taken";

    /// <summary>Try reserved nothing because some line was short.</summary>
    public const string SoldOut = "sold_out";

    /// <summary>Payment arrived: reserved → sold.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Cancelled (by the guest, staff, or a failed placement): reserved → available.</summary>
    public const string Released = "released";

    /// <summary>Refunded before cooking: sold → available.</summary>
    public const string Returned = "returned";

    /// <summary>The payment deadline passed: reserved → available by the expiry sweeper.</summary>
    public const string Expired = "expired";
}
