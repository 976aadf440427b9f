namespace Canteen.LoadTest.Workload;

/// <summary>A table in a store and, when identity is on, the guest token bound to it.</summary>
internal sealed record GuestPass(string StoreId, string Table, string? Authorization);
