using Canteen.Core.Shared;
using Canteen.Engine.Payments;
using Canteen.Payments.Alipay;
using Microsoft.Extensions.Time.Testing;

namespace Canteen.Payments.Tests.Alipay;

/// <summary>A <see cref="FakeAlipayServer"/> and an <see cref="AlipayProvider"/> configured against it, sharing one fake clock.</summary>
internal sealed class AlipayHarness : IAsyncDisposable
{
    public const string AppId = "2021000117650139";
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 4, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();

    private AlipayHarness(FakeAlipayServer server, FakeTimeProvider time, AlipayOptions options)
    {
        Server = server;
        Time = time;
        Options = options;
        Provider = new AlipayProvider(_http, options, time);
    }

    public FakeAlipayServer Server { get; }

    public FakeTimeProvider Time { get; }

    public AlipayOptions Options { get; }

    public AlipayProvider Provider { get; }

    public static async Task<AlipayHarness> StartAsync(Action<AlipayOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Now);
        var server = await FakeAlipayServer.StartAsync(AppId, AlipayTestKeys.AppPublicPem, time);
        var options = OptionsFor(server);
        configure?.Invoke(options);
        return new AlipayHarness(server, time, options);
    }

    public static AlipayOptions OptionsFor(FakeAlipayServer server) => new()
    {
        AppId = AppId,
        AppPrivateKey = AlipayTestKeys.AppPrivatePem,
        AlipayPublicKey = server.AlipayPublicKeyPem,
        GatewayUrl = server.GatewayUrl,
        NotifyUrl = new Uri("https://canteen.example/payments/alipay/callback"),
    };

    public static Money Fen(long minor) => new(minor, "CNY");

    public static ProviderPaymentRequest Payment(long paymentId, long fen = 1250) =>
        new(paymentId, 9001, "store-1", Fen(fen), "午餐 Lunch", "qr", null, Now.AddMinutes(15));

    public static ProviderPaymentReference Reference(long paymentId, long fen = 1250) => new(paymentId, Fen(fen), null);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
