namespace Canteen.Core.Menu;

/// <summary>One choice in a modifier group; <see cref="PriceDelta"/> is in minor units of the store's currency.</summary>
public sealed record ModifierOption(string Id, string Name, long PriceDelta);
