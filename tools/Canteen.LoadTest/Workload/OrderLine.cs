using Canteen.LoadTest.Menu;

namespace Canteen.LoadTest.Workload;

/// <summary>One line of a generated order.</summary>
internal sealed record OrderLine(MenuDish Dish, int Quantity, IReadOnlyList<string> Options, string? Note);
