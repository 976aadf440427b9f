using System.Security.Cryptography;

namespace Canteen.Payments.Tests.Alipay;

/// <summary>
/// Keys generated once per test run (RSA generation is slow); nothing secret is committed. Kept as PEM text so every
/// user makes its own <see cref="RSA"/> instance rather than sharing one across parallel tests.
/// </summary>
internal static class AlipayTestKeys
{
    private static readonly Lazy<RSAParameters> App = new(() => Generate());
    private static readonly Lazy<RSAParameters> Other = new(() => Generate());

    /// <summary>Our app's private key, PKCS#8 PEM.</summary>
    public static string AppPrivatePem => Export(App.Value, rsa => rsa.ExportPkcs8PrivateKeyPem());

    /// <summary>Our app's private key, PKCS#1 PEM (<c>BEGIN RSA PRIVATE KEY</c>).</summary>
    public static string AppPrivatePkcs1Pem => Export(App.Value, rsa => rsa.ExportRSAPrivateKeyPem());

    /// <summary>Our app's private key as the bare base64 PKCS#8 the Alipay key tool prints.</summary>
    public static string AppPrivateBareBase64 => Export(App.Value, rsa => Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()));

    /// <summary>Our app's public key, the one uploaded to Alipay.</summary>
    public static string AppPublicPem => Export(App.Value, rsa => rsa.ExportSubjectPublicKeyInfoPem());

    /// <summary>A key pair nobody trusts: a forger's.</summary>
    public static string OtherPrivatePem => Export(Other.Value, rsa => rsa.ExportPkcs8PrivateKeyPem());

    public static RSA CreateOther()
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(Other.Value);
        return rsa;
    }

    private static RSAParameters Generate()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    }

    private static string Export(RSAParameters parameters, Func<RSA, string> export)
    {
        using var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        return export(rsa);
    }
}
