namespace Canteen.Server.Edge;

/// <summary>A token bucket: up to <see cref="TokenLimit"/> requests at once, refilled by <see cref="TokensPerPeriod"/> each period.</summary>
public sealed class BucketOptions
{
    /// <summary>The burst size; 0 or less turns this bucket off.</summary>
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; } = 1;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => TokenLimit > 0 && TokensPerPeriod > 0 && ReplenishmentPeriod > TimeSpan.Zero;

    public double TokensPerSecond => TokensPerPeriod / ReplenishmentPeriod.TotalSeconds;
}
