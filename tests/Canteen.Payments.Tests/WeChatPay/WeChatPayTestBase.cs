using Canteen.Core.Shared;
using Canteen.Engine.Payments;
using Canteen.Payments.WeChatPay;
using Microsoft.Extensions.Time.Testing;

namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>
/// A fake WeChat Pay server per test and a provider pointed at it over real HTTP. Both share one
/// <see cref="FakeTimeProvider"/>, so signed timestamps agree until a test moves the clock.
/// </summary>
public abstract class WeChatPayTestBase : IAsyncLifetime
{
    private static long _nextPaymentId = 7_340_032_000_000_000;
    private readonly HttpClient _http = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 4, 0, 0, TimeSpan.Zero));

    internal TestMerchant Merchant { get; } = TestMerchant.Create();

    internal FakeWeChatPayServer Fake { get; private set; } = null!;

    protected WeChatPayProvider Provider { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Fake = await FakeWeChatPayServer.StartAsync(Merchant, Time);
        Provider = CreateProvider(Merchant.Options(Fake));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected WeChatPayProvider CreateProvider(WeChatPayOptions options) => new(_http, options, Time);

    /// <summary>A fresh, snowflake-sized payment id (WeChat wants 6 to 32 characters).</summary>
    protected static long NewPaymentId() => Interlocked.Increment(ref _nextPaymentId);

    protected ProviderPaymentRequest PaymentRequest(long paymentId, string? method = null, string? payer = null, long fen = 2350) =>
        new(paymentId, 42, "store-1", new Money(fen, "CNY"), "Canteen order 42", method, payer, Time.GetUtcNow().AddMinutes(15));

    protected static ProviderPaymentReference Reference(long paymentId, long fen = 2350) => new(paymentId, new Money(fen, "CNY"), null);

    /// <summary>Creates a native payment through the provider, so the fake holds the trade.</summary>
    protected async Task<long> CreatedPaymentAsync(long fen = 2350)
    {
        var id = NewPaymentId();
        await Provider.CreateAsync(PaymentRequest(id, fen: fen), Cancel);
        return id;
    }

    protected async Task<long> PaidPaymentAsync(long fen = 2350)
    {
        var id = await CreatedPaymentAsync(fen);
        Fake.MarkPaid(id);
        return id;
    }
}
