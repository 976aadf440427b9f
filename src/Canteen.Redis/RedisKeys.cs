using System.Globalization;
using StackExchange.Redis;

namespace Canteen.Redis;

/// <summary>
/// The key layout. Everything about one store carries the store id as its hash tag (<c>{prefix}:{store}:...</c>),
/// so on a Redis cluster a store's keys share one slot and a script may touch all of them. Only the order index is
/// keyed by order id alone, because Confirm, Cancel and Return are given nothing else.
/// </summary>
internal sealed class RedisKeys
{
    private readonly string _prefix;

    public RedisKeys(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (prefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("The key prefix must not contain braces: they would change the cluster hash tag.", nameof(prefix));
        }

        _prefix = prefix;
    }

    /// <summary>Hash <c>available</c>, <c>reserved</c>, <c>sold</c> of one limited dish. A dish is limited iff it exists.</summary>
    public RedisKey Stock(string storeId, string dishId) => StockPrefix(storeId) + dishId;

    public string StockPrefix(string storeId) => Store(storeId) + "stock:";

    /// <summary>Hash <c>state</c>, <c>deadline</c> (Unix ms) and <c>d:{dish}</c> = quantity of one order's hold.</summary>
    public RedisKey Hold(string storeId, long orderId) => HoldPrefix(storeId) + orderId.ToString(CultureInfo.InvariantCulture);

    public string HoldPrefix(string storeId) => Store(storeId) + "hold:";

    /// <summary>Set of the store's limited dish ids, for listing levels.</summary>
    public RedisKey Dishes(string storeId) => Store(storeId) + "dishes";

    /// <summary>Set of the store's confirmed order ids, forgotten at the daily reset.</summary>
    public RedisKey Confirmed(string storeId) => Store(storeId) + "confirmed";

    /// <summary>String: the store an order was tried in, or the barrier marker if a Cancel came first.</summary>
    public RedisKey OrderIndex(long orderId) =>
        string.Create(CultureInfo.InvariantCulture, $"{_prefix}:order:{orderId}");

    private string Store(string storeId)
    {
        if (storeId.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException($"Store id '{storeId}' contains a brace, which would break its hash tag.", nameof(storeId));
        }

        return $"{_prefix}:{{{storeId}}}:";
    }
}
