using Canteen.Core.Ordering;

namespace Canteen.Engine.Storage;

/// <summary>A page of orders, newest first; <see cref="Next"/> is the cursor for the following page, if any.</summary>
public sealed record OrderPage(IReadOnlyList<Order> Items, long? Next);
