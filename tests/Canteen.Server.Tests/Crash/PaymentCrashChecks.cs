using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Canteen.Server.Tests.Crash;

/// <summary>
/// What must hold for the payment saga after any number of crashes, read straight from the SQLite file and from the
/// sandbox provider's own journal (its books, which survive our crashes like a real provider's). Every check returns
/// the violations it found, each naming the order with its payments, holds and the sandbox's view, so one failed run
/// shows everything that went wrong rather than the first thing.
/// </summary>
internal static class PaymentCrashChecks
{
    public const string JournalFile = "sandbox-payments.jsonl";

    private static readonly string[] PaidStatuses = ["paid", "preparing", "ready", "completed"];
    private static readonly string[] SoldHoldStates = ["confirmed", "settled"];

    /// <summary>Orders still waiting for payment more than <paramref name="grace"/> after their deadline.</summary>
    public static async Task<List<string>> OverdueUnpaidAsync(CrashDatabase db, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        var rows = await db.RowsAsync(
            "SELECT id, status, payment_deadline FROM orders WHERE status IN ('created', 'paying') AND payment_deadline < " +
            (now - grace).UtcTicks.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        return rows.Select(r => $"order {r[0]} is {r[1]} {(now - new DateTimeOffset((long)r[2]!, TimeSpan.Zero)).TotalSeconds:F1} s past its payment deadline").ToList();
    }

    /// <summary>Orders still waiting for payment plus payments with a saga step left (pending, refunding).</summary>
    public static async Task<long> UnsettledAsync(CrashDatabase db, CancellationToken cancellationToken) =>
        await db.CountAsync("SELECT COUNT(*) FROM orders WHERE status IN ('created', 'paying')", cancellationToken)
        + await db.CountAsync("SELECT COUNT(*) FROM payments WHERE status IN ('pending', 'refunding')", cancellationToken);

    public static async Task<SagaSnapshot> ReadAsync(CrashDatabase db, string dataDirectory, CancellationToken cancellationToken)
    {
        var orders = (await db.RowsAsync("SELECT id, status, payment_deadline FROM orders", cancellationToken))
            .Select(r => new OrderRow((long)r[0]!, (string)r[1]!, new DateTimeOffset((long)r[2]!, TimeSpan.Zero)))
            .ToDictionary(o => o.Id);
        var payments = (await db.RowsAsync("SELECT id, order_id, status FROM payments ORDER BY id", cancellationToken))
            .Select(r => new PaymentRow((long)r[0]!, (long)r[1]!, (string)r[2]!))
            .ToList();
        var holds = (await db.RowsAsync("SELECT order_id, dish_id, quantity, state FROM stock_holds", cancellationToken))
            .Select(r => new HoldRow((long)r[0]!, (string)r[1]!, (long)r[2]!, (string)r[3]!))
            .ToList();

        // The outbox is written in the same transaction as each order change, so it says which orders were cooked.
        var cooked = await db.LongsAsync("SELECT DISTINCT CAST(aggregate_id AS INTEGER) FROM outbox WHERE type = 'OrderPreparing'", cancellationToken);
        var (sandbox, torn) = ReadJournal(Path.Combine(dataDirectory, JournalFile));

        // Not a check: how many captures were applied after the order's deadline (the sandbox does not refuse late payment).
        var paidLate = await db.CountAsync(
            "SELECT COUNT(*) FROM outbox e JOIN orders o ON o.id = CAST(e.aggregate_id AS INTEGER) " +
            "WHERE e.type = 'OrderPaid' AND e.occurred_at > o.payment_deadline",
            cancellationToken);
        return new SagaSnapshot(orders, payments, holds, cooked, sandbox, torn, paidLate);
    }

    /// <summary>Checks 1–5 of the payment crash test on the settled state; returns every violation.</summary>
    public static List<string> Violations(SagaSnapshot s, DateTimeOffset now, TimeSpan grace)
    {
        var violations = new List<string>();
        var paymentsOf = s.Payments.ToLookup(p => p.OrderId);
        var holdsOf = s.Holds.ToLookup(h => h.OrderId);

        // 1. Nobody waits for payment past the deadline (plus grace).
        foreach (var order in s.Orders.Values.Where(o => o.Status is "created" or "paying" && o.Deadline + grace < now))
        {
            violations.Add($"1. still {order.Status} {(now - order.Deadline).TotalSeconds:F1} s past the deadline: {s.Describe(order.Id)}");
        }

        foreach (var order in s.Orders.Values)
        {
            var payments = paymentsOf[order.Id].ToList();
            var holds = holdsOf[order.Id].ToList();
            var succeeded = payments.Count(p => p.Status == "succeeded");

            // 2. A paid order was paid exactly once, and its portions are sold.
            if (PaidStatuses.Contains(order.Status))
            {
                if (succeeded != 1)
                {
                    violations.Add($"2. {order.Status} with {succeeded} succeeded payments: {s.Describe(order.Id)}");
                }

                if (holds.Count == 0 || holds.Any(h => !SoldHoldStates.Contains(h.State)))
                {
                    violations.Add($"2. {order.Status} but its holds are not all confirmed: {s.Describe(order.Id)}");
                }
            }

            // 5. Portions of an order that will not be eaten go back; refunded after cooking, they stay sold.
            var cooked = order.Status == "refunded" && s.Cooked.Contains(order.Id);
            if (order.Status == "cancelled" || (order.Status == "refunded" && !cooked))
            {
                if (holds.Any(h => h.State != "released"))
                {
                    violations.Add($"5. {order.Status}{(order.Status == "refunded" ? " from paid" : "")} but holds it: {s.Describe(order.Id)}");
                }
            }
            else if (cooked && (holds.Count == 0 || holds.Any(h => !SoldHoldStates.Contains(h.State))))
            {
                violations.Add($"5. refunded after cooking but its portions are not sold: {s.Describe(order.Id)}");
            }
        }

        // 3. Payments and their orders agree.
        foreach (var payment in s.Payments)
        {
            var order = s.Orders.GetValueOrDefault(payment.OrderId);
            var orderStatus = order?.Status ?? "missing";
            switch (payment.Status)
            {
                case "succeeded" when !PaidStatuses.Contains(orderStatus):
                    violations.Add($"3. payment {payment.Id} succeeded but its order is {orderStatus}: {s.Describe(payment.OrderId)}");
                    break;

                // A second capture of an order already paid is given back while the order stays paid.
                case "refunded" when orderStatus is not ("refunded" or "cancelled")
                    && !(PaidStatuses.Contains(orderStatus) && paymentsOf[payment.OrderId].Any(p => p.Id != payment.Id && p.Status == "succeeded")):
                    violations.Add($"3. payment {payment.Id} refunded but its order is {orderStatus}: {s.Describe(payment.OrderId)}");
                    break;
                case "refunding" or "pending":
                    violations.Add($"3. payment {payment.Id} still {payment.Status} after settling: {s.Describe(payment.OrderId)}");
                    break;
            }
        }

        // 4. Money: refunded at most once, every refund recorded, no capture kept without the order being paid.
        var byId = s.Payments.ToDictionary(p => p.Id);
        foreach (var trade in s.Sandbox.Values)
        {
            var ours = byId.GetValueOrDefault(trade.PaymentId);
            var where = ours is null ? $"sandbox payment {trade.PaymentId} (unknown to us)" : s.Describe(ours.OrderId);
            if (trade.RefundIds.Count > 1)
            {
                violations.Add($"4. refunded {trade.RefundIds.Count} times ({string.Join(", ", trade.RefundIds)}): {where}");
            }

            if (trade.Status == "paid")
            {
                var expected = trade.RefundIds.Count == 0 ? "succeeded" : "refunded";
                if (ours?.Status != expected)
                {
                    violations.Add($"4. the sandbox has payment {trade.PaymentId} paid with {trade.RefundIds.Count} refunds but we have it {ours?.Status ?? "missing"}: {where}");
                }
            }
        }

        foreach (var payment in s.Payments.Where(p => p.Status is "succeeded" or "refunded"))
        {
            var trade = s.Sandbox.GetValueOrDefault(payment.Id);
            var refunds = payment.Status == "refunded" ? 1 : 0;
            if (trade is null || trade.Status != "paid" || trade.RefundIds.Count != refunds)
            {
                violations.Add($"4. payment {payment.Id} is {payment.Status} but the sandbox has it {trade?.ToString() ?? "missing"}: {s.Describe(payment.OrderId)}");
            }
        }

        return violations;
    }

    /// <summary>The sandbox's books: the last line per payment wins; a line torn by a kill mid-append is skipped (and counted).</summary>
    private static (Dictionary<long, SandboxRow> Trades, int Torn) ReadJournal(string path)
    {
        var trades = new Dictionary<long, SandboxRow>();
        var torn = 0;
        if (!File.Exists(path))
        {
            return (trades, torn);
        }

        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0))
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException)
            {
                torn++;
                continue;
            }

            var idNode = node!["paymentId"]!;
            var id = idNode.GetValueKind() == JsonValueKind.String ? long.Parse((string)idNode!, CultureInfo.InvariantCulture) : (long)idNode;
            var refunds = node["refundIds"]?.AsArray().Select(r => (string)r!).ToList() ?? [];
            trades[id] = new SandboxRow(id, ((string)node["status"]!).ToLowerInvariant(), refunds);
        }

        return (trades, torn);
    }
}

internal sealed record OrderRow(long Id, string Status, DateTimeOffset Deadline);

internal sealed record PaymentRow(long Id, long OrderId, string Status);

internal sealed record HoldRow(long OrderId, string Dish, long Quantity, string State);

internal sealed record SandboxRow(long PaymentId, string Status, IReadOnlyList<string> RefundIds)
{
    public override string ToString() => $"{Status}{(RefundIds.Count > 0 ? " refunds " + string.Join("/", RefundIds) : "")}";
}

/// <summary>Everything the checks read, once, after the server was stopped.</summary>
internal sealed record SagaSnapshot(
    IReadOnlyDictionary<long, OrderRow> Orders,
    IReadOnlyList<PaymentRow> Payments,
    IReadOnlyList<HoldRow> Holds,
    IReadOnlySet<long> Cooked,
    IReadOnlyDictionary<long, SandboxRow> Sandbox,
    int TornJournalLines,
    long PaidAfterDeadline)
{
    /// <summary>One order with its payments (and the sandbox's view of each) and holds, for a violation message.</summary>
    public string Describe(long orderId)
    {
        var order = Orders.GetValueOrDefault(orderId);
        var payments = Payments.Where(p => p.OrderId == orderId)
            .Select(p => $"{p.Id} {p.Status} (sandbox {Sandbox.GetValueOrDefault(p.Id)?.ToString() ?? "none"})");
        var holds = Holds.Where(h => h.OrderId == orderId).Select(h => $"{h.Dish}×{h.Quantity} {h.State}");
        return $"order {orderId} {order?.Status ?? "missing"}{(Cooked.Contains(orderId) ? " (was cooked)" : "")}; " +
            $"payments [{string.Join("; ", payments)}]; holds [{string.Join("; ", holds)}]";
    }

    /// <summary>"status count, ..." of a set of statuses, e.g. for the summary line.</summary>
    public static string Count(IEnumerable<string> statuses) =>
        string.Join(", ", statuses.GroupBy(x => x, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
}
