namespace Canteen.Stock.Postgres;

/// <summary>
/// The authority's own tables (prefix <c>stock_authority_</c>), independent of the storage adapter's: counters per
/// limited dish, and one row per order's hold. The CHECK constraints are a second line of defence: even a bug in a
/// statement could not make a counter negative, it would fail instead.
/// </summary>
internal static class StockSchema
{
    /// <summary>Serialises schema creation and seeding across instances starting together.</summary>
    public const long AdvisoryLock = 0x5354_4F43_4B41_5554; // "STOCKAUT"

    public const string Create = """
        CREATE TABLE IF NOT EXISTS stock_authority_counters (
            store_id  text    NOT NULL,
            dish_id   text    NOT NULL,
            available integer NOT NULL CHECK (available >= 0),
            reserved  integer NOT NULL CHECK (reserved >= 0),
            sold      integer NOT NULL CHECK (sold >= 0),
            PRIMARY KEY (store_id, dish_id)
        );
        -- state: held | confirmed | released | settled. A Cancel that came before its Try leaves a 'released' row
        -- with no store and no lines: the barrier a late Try runs into (ON CONFLICT on order_id).
        CREATE TABLE IF NOT EXISTS stock_authority_holds (
            order_id   bigint      PRIMARY KEY,
            store_id   text,
            state      text        NOT NULL,
            dish_ids   text[]      NOT NULL,
            quantities integer[]   NOT NULL,
            deadline   timestamptz,
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS stock_authority_holds_store_state ON stock_authority_holds (store_id, state);
        """;
}
