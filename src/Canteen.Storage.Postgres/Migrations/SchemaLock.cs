using Npgsql;

namespace Canteen.Storage.Postgres.Migrations;

/// <summary>
/// A transaction-scoped advisory lock per schema. Every instance takes it before migrating or seeding, so instances
/// starting together run those steps one after another; it is released by the commit or rollback, never leaked.
/// </summary>
internal static class SchemaLock
{
    // An arbitrary constant ("CANT") as the first key: keeps our locks apart from any other application's.
    private const int Namespace = 0x43414E54;

    public static async Task AcquireAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        // The schema name is hashed in SQL from a parameter, not from current_schema(): that is null while the
        // schema does not exist yet, and the strict lock function would then silently lock nothing.
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2));", connection);
        command.Parameters.Add(Parameters.Of(Namespace));
        command.Parameters.Add(Parameters.Of(schema));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
