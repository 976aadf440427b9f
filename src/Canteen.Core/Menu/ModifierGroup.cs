namespace Canteen.Core.Menu;

/// <summary>
/// A choice a guest makes for a dish (spice level, size, add-ons): at least <see cref="Min"/> and at most
/// <see cref="Max"/> distinct options.
/// </summary>
public sealed record ModifierGroup(string Id, string Name, int Min, int Max, IReadOnlyList<ModifierOption> Options);
