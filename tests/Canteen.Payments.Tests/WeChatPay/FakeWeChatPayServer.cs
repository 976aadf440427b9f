using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Canteen.Payments.Tests.WeChatPay;

/// <summary>How the fake answers every call, whatever was asked.</summary>
public enum FakeAnswerMode
{
    Normal,
    BadSignature,
    UnknownSerial,
    StaleTimestamp,
    SystemError,
    Hang,
}

/// <summary>
/// A stand-in for api.mch.weixin.qq.com on 127.0.0.1: written from WeChat's documentation independently of the
/// provider, it checks every request's signature with the merchant's public key, keeps trades in memory, signs its
/// answers with its own platform key and builds signed, encrypted callbacks. Routes live in the .Api part, callbacks
/// in the .Callbacks part.
/// </summary>
internal sealed partial class FakeWeChatPayServer : IAsyncDisposable
{
    private const string Scheme = "WECHATPAY2-SHA256-RSA2048 ";

    private readonly WebApplication _app;
    private readonly TestMerchant _merchant;
    private readonly TimeProvider _time;
    private readonly RSA _platformKey;
    private readonly RSA _merchantPublicKey;

    private FakeWeChatPayServer(WebApplication app, TestMerchant merchant, TimeProvider time)
    {
        _app = app;
        _merchant = merchant;
        _time = time;
        _platformKey = TestKeys.Platform.Load();
        _merchantPublicKey = RSA.Create();
        _merchantPublicKey.ImportFromPem(merchant.Key.PublicPem);
        PlatformPublicKeyPem = TestKeys.Platform.PublicPem;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Public-key mode's id; the provider must be configured with it.</summary>
    public string PlatformSerial { get; } = "PUB_KEY_ID_" + RandomNumberGenerator.GetHexString(24);

    public string PlatformPublicKeyPem { get; }

    public FakeAnswerMode Mode { get; set; }

    /// <summary>Every request that reached the fake, in order, with whether its signature verified.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The fake's platform key as a self-signed certificate (platform-certificate mode).</summary>
    public string PlatformCertificatePem()
    {
        var request = new CertificateRequest("CN=Fake Tenpay", _platformKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = _time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return certificate.ExportCertificatePem();
    }

    /// <param name="merchant">Whose requests to accept: mchid, certificate serial, public key, API v3 key.</param>
    /// <param name="time">The fake's clock, shared with the provider so timestamps line up.</param>
    public static async Task<FakeWeChatPayServer> StartAsync(TestMerchant merchant, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeWeChatPayServer(app, merchant, time);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _platformKey.Dispose();
        _merchantPublicKey.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var signed = AuthorizationVerifies(context.Request, target, body);
        Requests.Enqueue(new FakeRequest(
            context.Request.Method, target, body.Length == 0 ? null : JsonNode.Parse(body), signed,
            context.Request.Headers.Accept.ToString(), context.Request.Headers.UserAgent.ToString()));

        if (Mode == FakeAnswerMode.Hang)
        {
            // Until the client gives up and drops the connection.
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return;
        }

        var (status, answer) = !signed ? Error(401, "SIGN_ERROR", "签名错误")
            : Mode == FakeAnswerMode.SystemError ? Error(500, "SYSTEM_ERROR", "系统错误")
            : Route(context.Request.Method, context.Request.Path.Value ?? "", context.Request.Query["mchid"].ToString(), body);
        var bytes = answer is null ? [] : Encoding.UTF8.GetBytes(answer.ToJsonString());
        context.Response.StatusCode = status;
        var stale = Mode == FakeAnswerMode.StaleTimestamp ? TimeSpan.FromMinutes(-10) : TimeSpan.Zero;
        foreach (var (name, value) in SignedHeaders(bytes, stale, Mode == FakeAnswerMode.BadSignature, Mode == FakeAnswerMode.UnknownSerial))
        {
            context.Response.Headers[name] = value;
        }

        if (bytes.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(bytes);
        }
    }

    /// <summary>What WeChat checks: our mchid and certificate serial, a fresh timestamp, and the RSA signature.</summary>
    private bool AuthorizationVerifies(HttpRequest request, string target, byte[] body)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var fields = header[Scheme.Length..].Split(',')
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim('"'), StringComparer.Ordinal);
        if (!fields.TryGetValue("mchid", out var mchId) || mchId != _merchant.MchId
            || !fields.TryGetValue("serial_no", out var serial) || serial != _merchant.Serial
            || !fields.TryGetValue("timestamp", out var timestamp) || !fields.TryGetValue("nonce_str", out var nonce)
            || !fields.TryGetValue("signature", out var signature))
        {
            return false;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp, CultureInfo.InvariantCulture));
        if (age.Duration() > TimeSpan.FromMinutes(5))
        {
            return false;
        }

        var message = Concat($"{request.Method}\n{target}\n{timestamp}\n{nonce}\n", body);
        return _merchantPublicKey.VerifyData(message, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The Wechatpay-* headers over <c>timestamp\nnonce\nbody\n</c>, optionally spoiled.</summary>
    private Dictionary<string, string> SignedHeaders(byte[] body, TimeSpan shift, bool badSignature, bool unknownSerial)
    {
        var timestamp = (_time.GetUtcNow() + shift).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetHexString(32);
        var message = Concat($"{timestamp}\n{nonce}\n", body);
        if (badSignature)
        {
            message[0] ^= 1;
        }

        byte[] signature;
        lock (_platformKey)
        {
            signature = _platformKey.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Signature"] = Convert.ToBase64String(signature),
            ["Wechatpay-Serial"] = unknownSerial ? "PUB_KEY_ID_UNKNOWN" : PlatformSerial,
            ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
            ["Request-ID"] = Guid.NewGuid().ToString(),
        };
    }

    private static byte[] Concat(string head, byte[] body) => [.. Encoding.UTF8.GetBytes(head), .. body, (byte)'\n'];

    private static (int Status, JsonNode? Answer) Error(int status, string code, string message) =>
        (status, new JsonObject { ["code"] = code, ["message"] = message });
}

/// <summary>A request as the fake received it.</summary>
internal sealed record FakeRequest(string Method, string Target, JsonNode? Body, bool SignatureVerified, string Accept, string UserAgent);
