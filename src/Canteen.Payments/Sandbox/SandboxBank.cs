using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Canteen.Payments.Sandbox;

/// <summary>
/// The sandbox provider's books: every payment it opened, whether it was paid, and its refunds. Kept in memory and,
/// when <see cref="SandboxOptions.StatePath"/> is set, journalled to a JSON-lines file (last line per payment wins),
/// so that like a real provider it still knows what was paid after our process crashes.
/// </summary>
public sealed class SandboxBank
{
    private readonly Dictionary<long, SandboxTrade> _trades = [];
    private readonly Lock _gate = new();
    private readonly string? _journal;

    public SandboxBank(IOptions<SandboxOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _journal = options.Value.StatePath;
        if (_journal is not null && File.Exists(_journal))
        {
            // A crash mid-append leaves a torn last line without its newline: end it, so the next entry starts clean.
            using (var file = new FileStream(_journal, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                if (file.Length > 0)
                {
                    file.Seek(-1, SeekOrigin.End);
                    if (file.ReadByte() != '\n')
                    {
                        file.WriteByte((byte)'\n');
                    }
                }
            }

            foreach (var line in File.ReadLines(_journal))
            {
                if (line.Length > 0 && TryRead(line) is { } trade)
                {
                    _trades[trade.PaymentId] = trade;
                }
            }
        }
    }

    public SandboxTrade? Find(long paymentId)
    {
        lock (_gate)
        {
            return _trades.GetValueOrDefault(paymentId);
        }
    }

    /// <summary>Opens a payment; opening the same id again returns the existing one (the merchant trade number is unique).</summary>
    public SandboxTrade Open(long paymentId, long amountMinor, string currency, DateTimeOffset expiresAt) =>
        Change(paymentId, existing => existing ?? new SandboxTrade(paymentId, amountMinor, currency, SandboxTradeStatus.Pending, null, [], expiresAt))!;

    /// <summary>The guest paid (or declined). Only a pending payment can; the result says what the payment is now.</summary>
    public SandboxTrade? Settle(long paymentId, bool paid) => Change(paymentId, t => t is { Status: SandboxTradeStatus.Pending }
        ? t with
        {
            Status = paid ? SandboxTradeStatus.Paid : SandboxTradeStatus.Declined,
            TransactionId = paid ? "SBX" + paymentId.ToString(CultureInfo.InvariantCulture) : null,
        }
        : t);

    /// <summary>Closes an unpaid payment; a paid one stays paid (the caller learns it was paid after all).</summary>
    public SandboxTrade Close(long paymentId) => Change(paymentId, t => t switch
    {
        null => new SandboxTrade(paymentId, 0, "CNY", SandboxTradeStatus.Closed, null, []),
        { Status: SandboxTradeStatus.Pending } => t with { Status = SandboxTradeStatus.Closed },
        _ => t,
    })!;

    /// <summary>Records a refund once per refund id; null when there is nothing paid to refund.</summary>
    public SandboxTrade? Refund(long paymentId, string refundId) => Change(paymentId, t => t switch
    {
        { Status: SandboxTradeStatus.Paid } when !t.RefundIds.Contains(refundId) => t with { RefundIds = [.. t.RefundIds, refundId] },
        _ => t,
    });

    private SandboxTrade? Change(long paymentId, Func<SandboxTrade?, SandboxTrade?> change)
    {
        lock (_gate)
        {
            var before = _trades.GetValueOrDefault(paymentId);
            var after = change(before);
            if (after is not null && !SameTrade(after, before))
            {
                _trades[paymentId] = after;
                if (_journal is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_journal))!);
                    File.AppendAllText(_journal, JsonSerializer.Serialize(after, SandboxJsonContext.Default.SandboxTrade) + "\n");
                }
            }

            return after;
        }
    }

    private static bool SameTrade(SandboxTrade a, SandboxTrade? b) =>
        b is not null && a.Status == b.Status && a.RefundIds.Count == b.RefundIds.Count && a.TransactionId == b.TransactionId;

    private static SandboxTrade? TryRead(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, SandboxJsonContext.Default.SandboxTrade);
        }
        catch (JsonException)
        {
            // A line torn by a crash mid-append: the line before it for that payment still holds.
            return null;
        }
    }
}
