namespace Canteen.LoadTest.Workload;

/// <summary>An order the server acknowledged with 201, and the template (store, token, holds) it was made from.</summary>
internal sealed record AckedOrder(string Id, OrderTemplate Template);
