using Canteen.Engine.Errors;
using Canteen.Engine.Payments;
using Canteen.Payments.WeChatPay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Canteen.Payments.Tests.WeChatPay;

public sealed class WeChatPayRegistrationTests : WeChatPayTestBase
{
    [Fact]
    public void AddWeChatPay_NoMchId_RegistersNothing()
    {
        var services = new ServiceCollection();

        services.AddWeChatPay(new ConfigurationBuilder().Build());

        Assert.Empty(services);
    }

    [Fact]
    public async Task AddWeChatPay_Configured_RegistersAProviderThatCallsWeChat()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);

        services.AddWeChatPay(Configuration(Settings()));
        await using var container = services.BuildServiceProvider();

        var provider = Assert.Single(container.GetServices<IPaymentProvider>());
        Assert.Equal("wechatpay", provider.Name);
        var id = await CreatedPaymentAsync();
        Assert.Equal(ProviderPaymentStatus.Pending, (await provider.QueryAsync(Reference(id), Cancel)).Status);
    }

    [Theory]
    [InlineData("AppId")]
    [InlineData("MerchantSerialNumber")]
    [InlineData("MerchantPrivateKey")]
    [InlineData("ApiV3Key")]
    [InlineData("NotifyUrl")]
    [InlineData("PlatformKeys")]
    public void AddWeChatPay_SettingMissing_ThrowsNamingIt(string setting)
    {
        var settings = Settings();
        foreach (var key in settings.Keys.Where(k => k.StartsWith($"{WeChatPayOptions.Section}:{setting}", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var ex = Assert.Throws<InvalidConfigurationException>(() => new ServiceCollection().AddWeChatPay(Configuration(settings)));

        Assert.Contains($"{WeChatPayOptions.Section}:{setting}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWeChatPay_ApiV3KeyNot32Bytes_Throws()
    {
        var settings = Settings();
        settings[$"{WeChatPayOptions.Section}:ApiV3Key"] = "too-short";

        var ex = Assert.Throws<InvalidConfigurationException>(() => new ServiceCollection().AddWeChatPay(Configuration(settings)));

        Assert.Contains("ApiV3Key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_PrivateKeyFromAFile_SignsAcceptedRequests()
    {
        var path = Path.Combine(Path.GetTempPath(), $"canteen-wechatpay-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, Merchant.Key.PrivatePem, Cancel);
        try
        {
            var options = Merchant.Options(Fake);
            options.MerchantPrivateKey = null;
            options.MerchantPrivateKeyPath = path;

            await CreateProvider(options).CreateAsync(PaymentRequest(NewPaymentId()), Cancel);

            Assert.True(Assert.Single(Fake.Requests).SignatureVerified);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Provider_PlatformCertificateInsteadOfPublicKey_VerifiesAnswers()
    {
        var options = Merchant.Options(Fake);
        options.PlatformKeys[0].PublicKey = Fake.PlatformCertificatePem();

        var state = await CreateProvider(options).QueryAsync(Reference(NewPaymentId()), Cancel);

        Assert.Equal(ProviderPaymentStatus.NotFound, state.Status);
    }

    private Dictionary<string, string?> Settings()
    {
        var s = WeChatPayOptions.Section;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"{s}:MchId"] = Merchant.MchId,
            [$"{s}:AppId"] = Merchant.AppId,
            [$"{s}:MerchantSerialNumber"] = Merchant.Serial,
            [$"{s}:MerchantPrivateKey"] = Merchant.Key.PrivatePem,
            [$"{s}:ApiV3Key"] = Merchant.ApiV3Key,
            [$"{s}:PlatformKeys:0:Serial"] = Fake.PlatformSerial,
            [$"{s}:PlatformKeys:0:PublicKey"] = Fake.PlatformPublicKeyPem,
            [$"{s}:BaseUrl"] = Fake.BaseUrl.ToString(),
            [$"{s}:NotifyUrl"] = "https://canteen.example/api/v1/payments/callbacks/wechatpay",
        };
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
