namespace Canteen.Server.Auth;

/// <summary>
/// Claim names in Canteen tokens, short JWT names kept as they are on the way in (inbound claim mapping is off, so
/// <c>sub</c> stays <c>sub</c> rather than becoming a long SOAP-era URI).
/// </summary>
public static class CanteenClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Store = "store";
    public const string Table = "table";
    public const string Name = "name";
    public const string TokenId = "jti";
}
