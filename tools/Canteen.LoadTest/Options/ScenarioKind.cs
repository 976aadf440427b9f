namespace Canteen.LoadTest.Options;

/// <summary>What the simulated guests do.</summary>
internal enum ScenarioKind
{
    /// <summary>Guests in every store order 1–5 lines with options; a few dishes are far more popular than the rest.</summary>
    LunchRush,

    /// <summary>Everyone wants one limited dish of one store; demand is far above stock.</summary>
    FlashSale,

    /// <summary>Menu reads, orders and cancels of orders placed earlier in the run.</summary>
    Mixed,
}
