namespace Canteen.LoadTest.Workload;

/// <summary>
/// One pre-built order request: its body is serialised once, before the run, so the client spends its CPU on
/// sending rather than on JSON. <see cref="LimitedQuantities"/> is what the order holds, for the stock check.
/// </summary>
internal sealed record OrderTemplate(
    string StoreId,
    string Path,
    byte[] Body,
    string? Authorization,
    IReadOnlyDictionary<string, int> LimitedQuantities);
