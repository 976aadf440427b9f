namespace Canteen.Payments.Alipay;

/// <summary>
/// Alipay OpenAPI settings (section <c>Canteen:Payments:Alipay</c>), public-key mode with RSA2. The provider is
/// registered only when <see cref="AppId"/> is set; the keys come from configuration or a mounted file, never the repository.
/// </summary>
public sealed class AlipayOptions
{
    public const string Section = "Canteen:Payments:Alipay";

    /// <summary>The application id (<c>app_id</c>) from the Alipay open platform.</summary>
    public string? AppId { get; set; }

    /// <summary>Our application private key, PEM (PKCS#1 or PKCS#8) or the bare base64 the Alipay key tool prints.</summary>
    public string? AppPrivateKey { get; set; }

    /// <summary>A file holding <see cref="AppPrivateKey"/>, for keys mounted as secrets; used when the key itself is empty.</summary>
    public string? AppPrivateKeyPath { get; set; }

    /// <summary>The Alipay public key (not our app public key): it verifies Alipay's responses and notifies.</summary>
    public string? AlipayPublicKey { get; set; }

    /// <summary>The OpenAPI gateway; the sandbox is <c>https://openapi-sandbox.dl.alipaydev.com/gateway.do</c>.</summary>
    public Uri GatewayUrl { get; set; } = new("https://openapi.alipay.com/gateway.do");

    /// <summary>Our callback URL, sent as <c>notify_url</c> so Alipay posts the payment and refund notifies there.</summary>
    public Uri? NotifyUrl { get; set; }

    /// <summary>The seller's Alipay user id (<c>seller_id</c>); when set, notifies for any other seller are rejected.</summary>
    public string? SellerId { get; set; }

    /// <summary>How far a notify's <c>notify_time</c> may be from now, either way, before it counts as a replay.</summary>
    public TimeSpan NotifyWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one gateway call may take before it fails as transient.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
