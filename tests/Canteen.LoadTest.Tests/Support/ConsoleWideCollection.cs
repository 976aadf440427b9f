namespace Canteen.LoadTest.Tests.Support;

/// <summary>
/// Tests that observe process-wide console state (the Ctrl+C handlers) run alone: a tool run in another test at the
/// same moment would add its own handler while they count.
/// </summary>
[CollectionDefinition(nameof(ConsoleWideCollection), DisableParallelization = true)]
public sealed class ConsoleWideCollection;
