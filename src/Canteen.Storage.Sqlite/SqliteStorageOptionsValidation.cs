using Microsoft.Extensions.Options;

namespace Canteen.Storage.Sqlite;

/// <summary>Refuses <see cref="SqliteStorageOptions"/> the adapter could not open a database with.</summary>
internal sealed class SqliteStorageOptionsValidation : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SqliteConnections.SynchronousError(options.Synchronous) is { } error
            ? ValidateOptionsResult.Fail(error)
            : ValidateOptionsResult.Success;
    }
}
