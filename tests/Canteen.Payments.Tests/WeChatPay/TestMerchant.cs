using System.Security.Cryptography;
using Canteen.Payments.WeChatPay;

namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>Our merchant account as both sides see it: the provider gets the private key, the fake the public one.</summary>
internal sealed record TestMerchant(string MchId, string AppId, string Serial, TestKeyPair Key, string ApiV3Key)
{
    public static TestMerchant Create() => new(
        "1900000109",
        "wxd678efh567hg6787",
        RandomNumberGenerator.GetHexString(40),
        TestKeys.Merchant,
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32));

    public WeChatPayOptions Options(FakeWeChatPayServer fake) => new()
    {
        MchId = MchId,
        AppId = AppId,
        MerchantSerialNumber = Serial,
        MerchantPrivateKey = Key.PrivatePem,
        ApiV3Key = ApiV3Key,
        PlatformKeys = { new WeChatPayPlatformKey { Serial = fake.PlatformSerial, PublicKey = fake.PlatformPublicKeyPem } },
        BaseUrl = fake.BaseUrl,
        NotifyUrl = new Uri("https://canteen.example/api/v1/payments/callbacks/wechatpay"),
    };
}
