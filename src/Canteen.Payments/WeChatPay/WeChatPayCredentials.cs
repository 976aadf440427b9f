using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Canteen.Engine.Errors;

namespace Canteen.Payments.WeChatPay;

/// <summary>
/// The checked options and the key material parsed from them: our merchant key that signs requests, WeChat's keys
/// that sign responses and callbacks (by serial), and the API v3 key that decrypts callback resources.
/// </summary>
/// <remarks>
/// Keys are kept as <see cref="RSAParameters"/> and imported into a fresh <see cref="RSA"/> per operation: the BCL
/// does not promise that one RSA instance may sign from several threads at once, importing is cheap next to an RSA
/// signature, and the provider then owns nothing it must dispose.
/// </remarks>
internal sealed class WeChatPayCredentials
{
    private readonly RSAParameters _merchantKey;
    private readonly Dictionary<string, RSAParameters> _platformKeys;

    private WeChatPayCredentials(WeChatPayOptions options, RSAParameters merchantKey, Dictionary<string, RSAParameters> platformKeys)
    {
        Options = options;
        MchId = options.MchId!;
        AppId = options.AppId!;
        MerchantSerialNumber = options.MerchantSerialNumber!;
        NotifyUrl = options.NotifyUrl!.AbsoluteUri;
        ApiV3Key = Encoding.UTF8.GetBytes(options.ApiV3Key!);
        _merchantKey = merchantKey;
        _platformKeys = platformKeys;
    }

    public WeChatPayOptions Options { get; }

    public string MchId { get; }

    public string AppId { get; }

    public string MerchantSerialNumber { get; }

    public string NotifyUrl { get; }

    public byte[] ApiV3Key { get; }

    /// <summary>Checks the options and parses the keys; throws naming the first setting that is missing or wrong.</summary>
    public static WeChatPayCredentials Load(WeChatPayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.MchId, nameof(options.MchId));
        Require(options.AppId, nameof(options.AppId));
        Require(options.MerchantSerialNumber, nameof(options.MerchantSerialNumber));
        Require(options.ApiV3Key, nameof(options.ApiV3Key));
        if (Encoding.UTF8.GetByteCount(options.ApiV3Key!) != 32)
        {
            throw Invalid(nameof(options.ApiV3Key), "must be 32 bytes (the AES-256 key).");
        }

        if (options.NotifyUrl is not { IsAbsoluteUri: true })
        {
            throw Invalid(nameof(options.NotifyUrl), "must be set to our absolute callback URL.");
        }

        if (options.TimestampWindow <= TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero)
        {
            throw Invalid(nameof(options.TimestampWindow) + "/" + nameof(options.RequestTimeout), "must be positive.");
        }

        var merchantKey = ReadMerchantKey(options);
        if (options.PlatformKeys.Count == 0)
        {
            throw Invalid(nameof(options.PlatformKeys), "needs at least one { Serial, PublicKey } to verify WeChat's signatures.");
        }

        var platformKeys = new Dictionary<string, RSAParameters>(StringComparer.Ordinal);
        foreach (var key in options.PlatformKeys)
        {
            Require(key.Serial, nameof(options.PlatformKeys) + ":Serial");
            Require(key.PublicKey, nameof(options.PlatformKeys) + ":PublicKey");
            platformKeys[key.Serial!] = ReadPublicKey(key.PublicKey!, key.Serial!);
        }

        return new WeChatPayCredentials(options, merchantKey, platformKeys);
    }

    /// <summary>Base64 RSA-SHA256 (PKCS#1 v1.5) signature of the message with our merchant key.</summary>
    public string Sign(ReadOnlySpan<byte> message)
    {
        using var rsa = RSA.Create(_merchantKey);
        return Convert.ToBase64String(rsa.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public bool HasPlatformKey(string serial) => _platformKeys.ContainsKey(serial);

    /// <summary>Checks WeChat's signature with the platform key of that serial.</summary>
    public bool Verify(string serial, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!_platformKeys.TryGetValue(serial, out var key))
        {
            return false;
        }

        using var rsa = RSA.Create(key);
        return rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static RSAParameters ReadMerchantKey(WeChatPayOptions options)
    {
        var pem = options.MerchantPrivateKey;
        if (string.IsNullOrWhiteSpace(pem))
        {
            Require(options.MerchantPrivateKeyPath, nameof(options.MerchantPrivateKey) + " or " + nameof(options.MerchantPrivateKeyPath));
            pem = File.ReadAllText(options.MerchantPrivateKeyPath!);
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw Invalid(nameof(options.MerchantPrivateKey), "is not a PEM RSA private key.", ex);
        }
    }

    private static RSAParameters ReadPublicKey(string pem, string serial)
    {
        try
        {
            // Platform-certificate mode hands out certificates, public-key mode a bare key; accept both.
            if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
            {
                using var certificate = X509Certificate2.CreateFromPem(pem);
                using var fromCertificate = certificate.GetRSAPublicKey()
                    ?? throw new CryptographicException("The certificate has no RSA key.");
                return fromCertificate.ExportParameters(includePrivateParameters: false);
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return rsa.ExportParameters(includePrivateParameters: false);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw Invalid(nameof(WeChatPayOptions.PlatformKeys), $"key '{serial}' is not a PEM RSA public key or certificate.", ex);
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(name, "is required when WeChat Pay is enabled.");
        }
    }

    private static InvalidConfigurationException Invalid(string name, string problem, Exception? inner = null) =>
        new($"{WeChatPayOptions.Section}:{name} {problem}", inner);
}
