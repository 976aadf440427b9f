namespace Canteen.Core.Menu;

/// <summary>A section of the chain's menu, shown in <see cref="Sort"/> order.</summary>
public sealed record Category(string Id, string Name, int Sort);
