namespace Canteen.Server.Auth;

/// <summary>
/// <c>Canteen:Auth</c>: token signing and lifetimes, and the first admin of an empty database. The signing key is
/// never in source: it comes from <see cref="SigningKey"/> or is generated into the data directory on first start.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Canteen:Auth";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes. Every instance of a distributed deployment needs the same one.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "canteen";

    public string Audience { get; set; } = "canteen-api";

    /// <summary>How long a guest token lives; a guest then asks for a new one (or refreshes before expiry).</summary>
    public TimeSpan GuestTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>How long a staff, kitchen or admin token lives (about a shift).</summary>
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Tolerated clock difference between instances when checking expiry.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many validated tokens are remembered so their next requests skip validation (<see cref="ValidatedTokenCache"/>);
    /// 0 validates every request in full. About 2.7 KB each (the token's text and its claims): the default holds at
    /// most ≈ 11 MB.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 4096;

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}
