using System.Security.Cryptography;
using System.Text;
using Canteen.Engine.Errors;

namespace Canteen.Payments.Alipay;

/// <summary>
/// The two RSA2 keys: our app private key signs requests, the Alipay public key verifies responses and notifies.
/// Only the DER bytes are kept and an <see cref="RSA"/> is made per operation: RSA instances are not documented as
/// thread-safe, and importing a key costs little next to the signature itself.
/// </summary>
internal sealed class AlipayKeys
{
    // Alipay's RSA2 keys are 2048-bit; anything shorter is a configuration mistake (or the legacy RSA1 key).
    private const int MinimumKeySize = 2048;

    private readonly byte[] _appPrivateKey;
    private readonly byte[] _alipayPublicKey;

    private AlipayKeys(byte[] appPrivateKey, byte[] alipayPublicKey)
    {
        _appPrivateKey = appPrivateKey;
        _alipayPublicKey = alipayPublicKey;
    }

    public static AlipayKeys Load(AlipayOptions options)
    {
        var privateText = string.IsNullOrWhiteSpace(options.AppPrivateKey) ? ReadKeyFile(options.AppPrivateKeyPath!) : options.AppPrivateKey;
        using var app = Import(privateText, nameof(AlipayOptions.AppPrivateKey), isPrivate: true);
        using var alipay = Import(options.AlipayPublicKey!, nameof(AlipayOptions.AlipayPublicKey), isPrivate: false);
        return new AlipayKeys(app.ExportPkcs8PrivateKey(), alipay.ExportSubjectPublicKeyInfo());
    }

    /// <summary>RSA-SHA256, PKCS#1 v1.5 over the UTF-8 bytes of <paramref name="content"/>, base64.</summary>
    public string Sign(string content)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_appPrivateKey, out _);
        var signature = rsa.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Convert.ToBase64String(signature);
    }

    /// <summary>Whether <paramref name="signatureBase64"/> is Alipay's RSA2 signature over exactly <paramref name="content"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> content, string? signatureBase64)
    {
        if (string.IsNullOrEmpty(signatureBase64))
        {
            return false;
        }

        var signature = new byte[signatureBase64.Length];
        if (!Convert.TryFromBase64String(signatureBase64, signature, out var length))
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_alipayPublicKey, out _);
        return rsa.VerifyData(content, signature.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    private static string ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException($"{AlipayOptions.Section}:{nameof(AlipayOptions.AppPrivateKeyPath)} '{path}' cannot be read: {ex.Message}", ex);
        }
    }

    private static RSA Import(string text, string setting, bool isPrivate)
    {
        var rsa = RSA.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                // The Alipay key tool and console hand out keys as bare base64 DER: PKCS#8 / SubjectPublicKeyInfo
                // usually, PKCS#1 from older tools.
                ImportDer(rsa, Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c)))), isPrivate);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();
            throw new InvalidConfigurationException($"{AlipayOptions.Section}:{setting} is not a valid RSA {(isPrivate ? "private" : "public")} key: {ex.Message}", ex);
        }

        if (rsa.KeySize < MinimumKeySize || (isPrivate && !HasPrivateKey(rsa)))
        {
            rsa.Dispose();
            throw new InvalidConfigurationException(
                $"{AlipayOptions.Section}:{setting} must be a {MinimumKeySize}-bit (or longer) RSA {(isPrivate ? "private" : "public")} key for RSA2.");
        }

        return rsa;
    }

    private static void ImportDer(RSA rsa, byte[] der, bool isPrivate)
    {
        try
        {
            if (isPrivate)
            {
                rsa.ImportPkcs8PrivateKey(der, out _);
            }
            else
            {
                rsa.ImportSubjectPublicKeyInfo(der, out _);
            }
        }
        catch (CryptographicException)
        {
            if (isPrivate)
            {
                rsa.ImportRSAPrivateKey(der, out _);
            }
            else
            {
                rsa.ImportRSAPublicKey(der, out _);
            }
        }
    }

    private static bool HasPrivateKey(RSA rsa)
    {
        try
        {
            rsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
