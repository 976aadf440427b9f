namespace Canteen.Storage.Sqlite.Json;

/// <summary>An order line as stored in <c>orders.lines_json</c>: amounts in minor units, currency from the order row.</summary>
internal sealed record LineDocument(
    string DishId,
    string Name,
    int Quantity,
    long UnitPrice,
    IReadOnlyList<OptionDocument> Options,
    long LineTotal,
    string? Note);
