using Canteen.Engine.Errors;
using Canteen.Engine.Payments;
using Canteen.Payments.Alipay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Canteen.Payments.Tests.Alipay;

public sealed class AlipayConfigurationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Constructor_MissingSettings_NamesEach()
    {
        using var http = new HttpClient();
        var options = new AlipayOptions { AppId = AlipayHarness.AppId };

        var ex = Assert.Throws<InvalidConfigurationException>(() => new AlipayProvider(http, options, TimeProvider.System));

        Assert.Contains("Canteen:Payments:Alipay:AppPrivateKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Canteen:Payments:Alipay:AlipayPublicKey", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Canteen:Payments:Alipay:NotifyUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_PrivateKeyNotAKey_NamesSetting()
    {
        await using var h = await AlipayHarness.StartAsync();
        using var http = new HttpClient();
        var options = AlipayHarness.OptionsFor(h.Server);
        options.AppPrivateKey = "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----";

        var ex = Assert.Throws<InvalidConfigurationException>(() => new AlipayProvider(http, options, TimeProvider.System));

        Assert.Contains("Canteen:Payments:Alipay:AppPrivateKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_PublicKeyGivenAsPrivateKey_Refused()
    {
        await using var h = await AlipayHarness.StartAsync();
        using var http = new HttpClient();
        var options = AlipayHarness.OptionsFor(h.Server);
        options.AppPrivateKey = AlipayTestKeys.AppPublicPem;

        Assert.Throws<InvalidConfigurationException>(() => new AlipayProvider(http, options, TimeProvider.System));
    }

    public static TheoryData<string> PrivateKeyFormats => ["pkcs8", "pkcs1", "bare"];

    [Theory]
    [MemberData(nameof(PrivateKeyFormats))]
    public async Task CreateAsync_PrivateKeyFormat_SignsAcceptedRequests(string format)
    {
        var key = format switch
        {
            "pkcs8" => AlipayTestKeys.AppPrivatePem,
            "pkcs1" => AlipayTestKeys.AppPrivatePkcs1Pem,
            _ => AlipayTestKeys.AppPrivateBareBase64,
        };
        await using var h = await AlipayHarness.StartAsync(o => o.AppPrivateKey = key);

        await h.Provider.CreateAsync(AlipayHarness.Payment(91), Token);

        Assert.True(Assert.Single(h.Server.Requests).SignatureValid);
    }

    [Fact]
    public async Task CreateAsync_PrivateKeyFromPath_SignsAcceptedRequests()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, AlipayTestKeys.AppPrivatePem, Token);
            await using var h = await AlipayHarness.StartAsync(o => (o.AppPrivateKey, o.AppPrivateKeyPath) = (null, path));

            await h.Provider.CreateAsync(AlipayHarness.Payment(92), Token);

            Assert.True(Assert.Single(h.Server.Requests).SignatureValid);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddAlipay_NoAppId_RegistersNothing()
    {
        var services = new ServiceCollection().AddAlipay(Configuration([]));

        using var provider = services.BuildServiceProvider();
        Assert.Empty(provider.GetServices<IPaymentProvider>());
    }

    [Fact]
    public async Task AddAlipay_Configured_ResolvesProviderNamedAlipay()
    {
        await using var h = await AlipayHarness.StartAsync();
        var services = new ServiceCollection().AddAlipay(Configuration(new()
        {
            ["Canteen:Payments:Alipay:AppId"] = AlipayHarness.AppId,
            ["Canteen:Payments:Alipay:AppPrivateKey"] = AlipayTestKeys.AppPrivatePem,
            ["Canteen:Payments:Alipay:AlipayPublicKey"] = h.Server.AlipayPublicKeyPem,
            ["Canteen:Payments:Alipay:GatewayUrl"] = h.Server.GatewayUrl.ToString(),
            ["Canteen:Payments:Alipay:NotifyUrl"] = "https://canteen.example/payments/alipay/callback",
            ["Canteen:Payments:Alipay:NotifyWindow"] = "00:03:00",
        }));
        using var container = services.BuildServiceProvider();

        var provider = Assert.Single(container.GetServices<IPaymentProvider>());

        Assert.Equal("alipay", provider.Name);
        Assert.Equal(["qr"], provider.Methods);
        Assert.Equal(TimeSpan.FromMinutes(3), container.GetRequiredService<IOptions<AlipayOptions>>().Value.NotifyWindow);
        var payment = await provider.CreateAsync(AlipayHarness.Payment(93), Token);
        Assert.NotNull(payment.CodeUrl);
    }

    [Fact]
    public void AddAlipay_AppIdWithoutKeys_ValidationNamesMissingSettings()
    {
        var services = new ServiceCollection().AddAlipay(Configuration(new() { ["Canteen:Payments:Alipay:AppId"] = AlipayHarness.AppId }));
        using var container = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => container.GetRequiredService<IOptions<AlipayOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("AlipayPublicKey", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
