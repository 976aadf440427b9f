namespace Canteen.Core.Menu;

/// <summary>A restaurant of the chain. <see cref="TimeZoneId"/> (IANA) decides its business day.</summary>
public sealed record Store(string Id, string Name, string City, string Currency, string TimeZoneId);
