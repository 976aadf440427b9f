using Canteen.Core.Shared;

namespace Canteen.Core.Menu;

/// <summary>A dish as one store sells it: its price resolved, its modifier groups attached.</summary>
public sealed record MenuDish(
    string Id,
    string CategoryId,
    string Name,
    Money Price,
    bool Available,
    bool Limited,
    IReadOnlyList<ModifierGroup> ModifierGroups);
