namespace Canteen.Engine;

/// <summary>Configuration section <c>Canteen</c> (engine-wide settings).</summary>
public sealed class EngineOptions
{
    public const string Section = "Canteen";

    /// <summary>Seed the demo chain (3 stores, 30+ dishes) when storage is empty.</summary>
    public bool SeedDemoData { get; set; } = true;
}
