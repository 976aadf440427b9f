namespace Canteen.LoadTest.Options;

/// <summary>How requests are paced.</summary>
internal enum LoadMode
{
    /// <summary>N connections, each sends its next request when the previous one answered: measures capacity.</summary>
    Closed,

    /// <summary>Requests are sent at a fixed rate whatever the answers: measures latency at a given load.</summary>
    Open,
}
