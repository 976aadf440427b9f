namespace Canteen.Engine.Inventory;

/// <summary>Why a dish failed the stock invariant check; stable snake_case values that tools and alerts match on.</summary>
public static class StockViolationReasons
{
    /// <summary>available, reserved or sold is below zero.</summary>
    public const string Negative = "negative";

    /// <summary>available + reserved + sold differs from the total storage records.</summary>
    public const string TotalMismatch = "total_mismatch";

    /// <summary>reserved differs from the portions held by live (created or paying) orders in storage.</summary>
    public const string ReservedMismatch = "reserved_mismatch";

    /// <summary>sold differs from the portions of today's paid orders (confirmed holds) in storage.</summary>
    public const string SoldMismatch = "sold_mismatch";

    /// <summary>storage has a limited dish the stock authority does not know.</summary>
    public const string MissingInAuthority = "missing_in_authority";

    /// <summary>the stock authority has a level for a dish storage has no total for.</summary>
    public const string MissingInStorage = "missing_in_storage";
}
