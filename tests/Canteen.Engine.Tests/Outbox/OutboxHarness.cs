using Canteen.Engine.Ordering;
using Canteen.Engine.Outbox;
using Canteen.Engine.Storage;
using Canteen.Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Canteen.Engine.Tests.Outbox;

/// <summary>The real order writer over <see cref="OutboxStoreDouble"/>, a frozen clock, and builders for events and relays.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    public const string StoreId = "sh-jingan";
    public const string OtherStoreId = "cd-chunxi";

    private static int _sequence;

    public OutboxHarness(OutboxOptions? options = null)
    {
        Settings = options ?? new OutboxOptions();
        Writer = new OrderWriter(Store, Options.Create(new OrderingOptions()), NullLogger<OrderWriter>.Instance);
        Writer.Start();
    }

    public static DateTimeOffset Start { get; } = new(2025, 3, 14, 4, 0, 0, TimeSpan.Zero);

    public OutboxStoreDouble Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public OutboxOptions Settings { get; }

    public OrderWriter Writer { get; }

    /// <summary>A new event; each one occurs a millisecond after the previous, so the outbox order is creation order.</summary>
    public static OutboxEvent Event(string storeId = StoreId, string type = "OrderCreated")
    {
        var n = Interlocked.Increment(ref _sequence);
        var id = (1000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new OutboxEvent(Guid.NewGuid(), type, id, storeId, $$"""{"orderId":"{{id}}"}""", Start.AddMilliseconds(n));
    }

    /// <summary>Commits events through the writer, the way order changes put them in the outbox.</summary>
    public async Task CommitAsync(params OutboxEvent[] events)
    {
        foreach (var outboxEvent in events)
        {
            Assert.Equal(WriteOutcome.Committed, await Writer.SubmitAsync(new AppendEvent(outboxEvent)).Guarded());
        }
    }

    public OutboxRelay Relay(IEventBus bus) =>
        new(Store, bus, Writer, Time, Options.Create(Settings), NullLogger<OutboxRelay>.Instance);

    public InProcessEventBus Bus() =>
        new(Time, Options.Create(Settings), NullLogger<InProcessEventBus>.Instance);

    public ValueTask DisposeAsync() => Writer.DisposeAsync();
}
