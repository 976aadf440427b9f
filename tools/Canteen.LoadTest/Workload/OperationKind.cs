namespace Canteen.LoadTest.Workload;

/// <summary>The kinds of request a scenario sends; each has its own latency histograms.</summary>
internal enum OperationKind
{
    Order,
    Menu,
    Cancel,
}
