using System.Data.Common;
using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>The pooled <see cref="NpgsqlDataSource"/> of a stock authority, with the pool settings its statements want.</summary>
internal static class StockDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        if (settings.MaxAutoPrepare == 0)
        {
            // The same few statements run all day: let Npgsql prepare them once per connection.
            settings.MaxAutoPrepare = 32;
        }

        // As in the storage adapter: nothing here leaves session state (no SET, LISTEN, advisory lock or temporary
        // table), so Npgsql's reset of each connection handed back to the pool (DISCARD ALL, sent with the next
        // command) is pure cost, and an unbatched Try takes and returns a connection each. A reset the connection
        // string asks for still wins (the plain parser sees only what was written, in either spelling).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return builder.Build();
    }
}
