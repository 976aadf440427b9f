namespace Canteen.Storage.Postgres.Json;

/// <summary>An order line as stored in <c>orders.lines</c> (jsonb): amounts in minor units, currency from the order row.</summary>
internal sealed record LineDocument(
    string DishId,
    string Name,
    int Quantity,
    long UnitPrice,
    IReadOnlyList<OptionDocument> Options,
    long LineTotal,
    string? Note);
