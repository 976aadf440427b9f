namespace Canteen.Engine.Storage.Json;

/// <summary>An order line as stored in the orders table (SQLite text, PostgreSQL jsonb): amounts in minor units, currency from the order row.</summary>
internal sealed record LineDocument(
    string DishId,
    string Name,
    int Quantity,
    long UnitPrice,
    IReadOnlyList<OptionDocument> Options,
    long LineTotal,
    string? Note);
