namespace Canteen.Payments.WeChatPay;

/// <summary>One key WeChat signs with: the serial it sends in <c>Wechatpay-Serial</c>, and the key as PEM.</summary>
public sealed class WeChatPayPlatformKey
{
    /// <summary>A platform certificate serial, or a WeChat Pay public key id (<c>PUB_KEY_ID_…</c>).</summary>
    public string? Serial { get; set; }

    /// <summary>A PEM public key (<c>BEGIN PUBLIC KEY</c>) or a PEM platform certificate (<c>BEGIN CERTIFICATE</c>).</summary>
    public string? PublicKey { get; set; }
}
