namespace Canteen.Server.Tests.Observability;

/// <summary>
/// Runs the Prometheus scrape tests alone, after the parallel tests. ASP.NET Core's HTTP server instruments come from
/// a per-host meter factory, and other test hosts starting and stopping in the same process at the same moment can
/// make a scrape miss them; that is a property of sharing one process between many hosts, not of a real deployment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (not parallel)";
}
