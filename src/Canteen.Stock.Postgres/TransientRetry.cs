using Npgsql;

namespace Canteen.Stock.Postgres;

/// <summary>
/// Re-runs a whole transaction that PostgreSQL aborted as a deadlock victim or serialization failure. Statements
/// lock a hot dish's rows in dish order, so deadlocks should not happen, but a plan is free to visit rows in
/// another order; the aborted transaction changed nothing, so running it again is safe.
/// </summary>
internal static class TransientRetry
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(Func<Task<T>> transaction)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await transaction();
            }
            catch (PostgresException e) when (attempt < Attempts && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
            }
        }
    }
}
