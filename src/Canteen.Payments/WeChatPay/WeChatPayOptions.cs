namespace Canteen.Payments.WeChatPay;

/// <summary>
/// <c>Canteen:Payments:WeChatPay</c>: the merchant account, its keys and WeChat's verification keys. The provider is
/// registered only when <see cref="MchId"/> is set. Keys and the API v3 key are secrets: they come from the
/// environment or a secret store, never from the repository.
/// </summary>
public sealed class WeChatPayOptions
{
    public const string Section = "Canteen:Payments:WeChatPay";

    /// <summary>The merchant id (<c>mchid</c>).</summary>
    public string? MchId { get; set; }

    /// <summary>The app (official account or mini program) the payments are made in (<c>appid</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>The serial number of our merchant API certificate; WeChat picks the key that checks our signatures by it.</summary>
    public string? MerchantSerialNumber { get; set; }

    /// <summary>Our merchant API private key as PEM text (<c>apiclient_key.pem</c>).</summary>
    public string? MerchantPrivateKey { get; set; }

    /// <summary>A PEM file holding the merchant private key; used when <see cref="MerchantPrivateKey"/> is empty.</summary>
    public string? MerchantPrivateKeyPath { get; set; }

    /// <summary>The API v3 key: 32 characters, the AES-256-GCM key of callback resources.</summary>
    public string? ApiV3Key { get; set; }

    /// <summary>
    /// The keys WeChat signs responses and callbacks with, by serial: platform certificates (serial = certificate
    /// serial, PEM = the certificate) or the WeChat Pay public key (serial = <c>PUB_KEY_ID_…</c>, PEM = the public key).
    /// Several may be listed while WeChat rotates them.
    /// </summary>
    public IList<WeChatPayPlatformKey> PlatformKeys { get; } = [];

    /// <summary>The API root; tests point it at a fake server.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.mch.weixin.qq.com");

    /// <summary>Our callback endpoint, e.g. <c>https://host/api/v1/payments/callbacks/wechatpay</c>.</summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>How far a response's or callback's timestamp may be from our clock (either way).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one API call may take before it fails as transient.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
