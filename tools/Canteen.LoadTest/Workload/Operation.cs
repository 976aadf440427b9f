namespace Canteen.LoadTest.Workload;

/// <summary>One request to send. Orders carry their template; cancels carry the order they cancel.</summary>
internal readonly record struct Operation(OperationKind Kind, string Path, OrderTemplate? Template, AckedOrder? Target)
{
    public static Operation Order(OrderTemplate template) => new(OperationKind.Order, template.Path, template, null);

    public static Operation Menu(string menuPath) => new(OperationKind.Menu, menuPath, null, null);

    public static Operation Cancel(AckedOrder order) =>
        new(OperationKind.Cancel, "/api/v1/orders/" + Uri.EscapeDataString(order.Id) + "/cancel", null, order);

    public string? Authorization => Template?.Authorization ?? Target?.Template.Authorization;
}
