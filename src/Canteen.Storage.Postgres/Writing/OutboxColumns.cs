using Canteen.Engine.Outbox;
using Npgsql;

using Canteen.Engine.Storage;

namespace Canteen.Storage.Postgres.Writing;

/// <summary>New <c>outbox</c> rows (unsent) gathered column by column for one unnest insert.</summary>
internal sealed class OutboxColumns
{
    private const string Sql = """
        INSERT INTO outbox (id, type, aggregate_id, store_id, payload, occurred_at)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[]);
        """;

    private readonly List<Guid> _ids = [];
    private readonly List<string> _types = [];
    private readonly List<string> _aggregateIds = [];
    private readonly List<string> _storeIds = [];
    private readonly List<string> _payloads = [];
    private readonly List<long> _occurredAt = [];

    public void Add(OutboxEvent @event)
    {
        _ids.Add(@event.Id);
        _types.Add(@event.Type);
        _aggregateIds.Add(@event.AggregateId);
        _storeIds.Add(@event.StoreId);
        _payloads.Add(@event.Payload);
        _occurredAt.Add(StoredValues.ToTicks(@event.OccurredAt));
    }

    public NpgsqlBatchCommand ToCommand() => Parameters.Command(
        Sql,
        Parameters.Of(_ids),
        Parameters.Of(_types),
        Parameters.Of(_aggregateIds),
        Parameters.Of(_storeIds),
        Parameters.Of(_payloads),
        Parameters.Of(_occurredAt));
}
