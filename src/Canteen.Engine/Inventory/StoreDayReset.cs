using Canteen.Engine.Ordering;
using Canteen.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Canteen.Engine.Inventory;

/// <summary>
/// One store's daily reset, in the order <see cref="DailyStockReset"/> argues for: the durable
/// <see cref="ResetDailyStock"/> write first, then the stock authority. Retries never repeat a committed write.
/// </summary>
internal sealed partial class StoreDayReset(
    IStockStore stockStore,
    IStockAuthority stock,
    OrderWriter writer,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Resets once; a failure propagates (start-up fails loudly rather than serve un-reset stock).</summary>
    public async Task RunOnceAsync(string storeId, CancellationToken cancellationToken)
    {
        var daily = await DailyPortionsAsync(storeId, cancellationToken);
        await writer.SubmitWaitingAsync(new ResetDailyStock(storeId), CancellationToken.None);
        await stock.ResetDayAsync(storeId, daily, CancellationToken.None);
    }

    /// <summary>Resets, retrying each step until it succeeds or the host stops.</summary>
    public async Task RunWithRetryAsync(string storeId, CancellationToken stoppingToken)
    {
        var daily = await RetryAsync(storeId, stoppingToken, async () =>
        {
            var portions = await DailyPortionsAsync(storeId, stoppingToken);
            await writer.SubmitWaitingAsync(new ResetDailyStock(storeId), CancellationToken.None);
            return portions;
        });

        // The write is durable: from here on only the ledger step may be repeated, never the write.
        await RetryAsync(storeId, stoppingToken, async () =>
        {
            await stock.ResetDayAsync(storeId, daily, CancellationToken.None);
            return true;
        });
    }

    private async Task<T> RetryAsync<T>(string storeId, CancellationToken stoppingToken, Func<Task<T>> step)
    {
        while (true)
        {
            try
            {
                return await step();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed write rolled back with its batch, so repeating this step cannot apply anything twice.
                LogResetFailed(ex, storeId);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, int>> DailyPortionsAsync(string storeId, CancellationToken cancellationToken) =>
        (await stockStore.LoadTotalsAsync(cancellationToken))
            .Where(t => t.StoreId == storeId)
            .ToDictionary(t => t.DishId, t => t.DailyPortions, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily stock reset of store {StoreId} failed; retrying")]
    private partial void LogResetFailed(Exception error, string storeId);
}
