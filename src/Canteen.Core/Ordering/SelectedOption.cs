using Canteen.Core.Shared;

namespace Canteen.Core.Ordering;

/// <summary>An option chosen on a line, with the price delta it had when the order was placed.</summary>
public sealed record SelectedOption(string Id, string Name, Money PriceDelta);
