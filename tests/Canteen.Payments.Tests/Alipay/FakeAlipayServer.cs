using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Canteen.Payments.Tests.Alipay;

/// <summary>
/// An Alipay OpenAPI gateway on Kestrel (127.0.0.1, a free port), playing Alipay's side of the protocol on its own:
/// it holds the Alipay key pair, trusts only the app public key it was given, verifies every request's RSA2 signature,
/// keeps trades in memory and signs its answers and notifies. Faults are switched on through <see cref="Fault"/>.
/// </summary>
public sealed partial class FakeAlipayServer : IAsyncDisposable
{
    private static readonly JsonWriterOptions RawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _lock = new();
    private readonly List<FakeAlipayRequest> _requests = [];
    private readonly FakeAlipayTrades _trades = new();
    private readonly RSA _alipayKey = RSA.Create(2048);
    private readonly RSA _appPublicKey = RSA.Create();
    private readonly string _appId;
    private readonly TimeProvider _time;
    private WebApplication? _app;

    private FakeAlipayServer(string appId, string appPublicKeyPem, TimeProvider time)
    {
        _appId = appId;
        _appPublicKey.ImportFromPem(appPublicKeyPem);
        _time = time;
        AlipayPublicKeyPem = _alipayKey.ExportSubjectPublicKeyInfoPem();
    }

    public Uri GatewayUrl { get; private set; } = null!;

    /// <summary>The key our provider must trust to verify answers and notifies.</summary>
    public string AlipayPublicKeyPem { get; }

    public FakeAlipayFault Fault { get; set; }

    /// <summary>How long to wait before answering, to make the client time out.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Called with the method name of each correctly signed request before it is handled (to race a payment against a close).</summary>
    public Action<string>? BeforeHandling { get; set; }

    public bool RefundsSettleImmediately
    {
        get { lock (_lock) { return _trades.RefundsSettleImmediately; } }
        set { lock (_lock) { _trades.RefundsSettleImmediately = value; } }
    }

    public int RefundCount { get { lock (_lock) { return _trades.RefundCount; } } }

    public IReadOnlyList<FakeAlipayRequest> Requests { get { lock (_lock) { return [.. _requests]; } } }

    public static async Task<FakeAlipayServer> StartAsync(string appId, string appPublicKeyPem, TimeProvider time)
    {
        var server = new FakeAlipayServer(appId, appPublicKeyPem, time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/gateway.do", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server._app = app;
        server.GatewayUrl = new Uri(address + "/gateway.do");
        return server;
    }

    public string? TradeStatus(long paymentId) { lock (_lock) { return _trades.StatusOf(Id(paymentId)); } }

    /// <summary>Creates a trade as if the guest had scanned a precreated code.</summary>
    public void AddTrade(long paymentId, string totalAmount, string status = "WAIT_BUYER_PAY") { lock (_lock) { _trades.Add(Id(paymentId), totalAmount, status); } }

    public void SetTradeStatus(long paymentId, string status) { lock (_lock) { _trades.Get(Id(paymentId)).Status = status; } }

    public void MarkPaid(long paymentId) => SetTradeStatus(paymentId, "TRADE_SUCCESS");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _alipayKey.Dispose();
        _appPublicKey.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var method = parameters.GetValueOrDefault("method");
        var signatureValid = VerifyRequest(parameters);
        lock (_lock)
        {
            _requests.Add(new FakeAlipayRequest(method, parameters, context.Request.ContentType, signatureValid));
        }

        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted);
        }

        if (Fault == FakeAlipayFault.Http500)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var (node, fields) = Answer(method ?? "", parameters, signatureValid);
        context.Response.ContentType = "text/html;charset=utf-8";
        await context.Response.Body.WriteAsync(Envelope(node, fields), context.RequestAborted);
    }

    private (string Node, List<KeyValuePair<string, string>> Fields) Answer(string method, Dictionary<string, string> parameters, bool signatureValid)
    {
        var node = method.Replace('.', '_') + "_response";
        if (parameters.GetValueOrDefault("app_id") != _appId)
        {
            return ("error_response", FakeAlipayTrades.Error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数"));
        }

        if (!signatureValid)
        {
            return ("error_response", FakeAlipayTrades.Error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"));
        }

        if (Fault == FakeAlipayFault.ServiceUnavailable)
        {
            return (node, FakeAlipayTrades.Error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙"));
        }

        BeforeHandling?.Invoke(method);
        using var biz = JsonDocument.Parse(parameters["biz_content"]);
        lock (_lock)
        {
            return (node, _trades.Handle(method, biz.RootElement));
        }
    }

    // The node is written with Chinese text unescaped, as Alipay does, and signed over exactly those bytes.
    private byte[] Envelope(string node, List<KeyValuePair<string, string>> fields)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, RawUtf8))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in fields)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        var nodeJson = buffer.ToArray();
        var signed = Fault == FakeAlipayFault.BadSignature ? [.. nodeJson, (byte)' '] : nodeJson;
        string sign;
        lock (_lock)
        {
            sign = Convert.ToBase64String(_alipayKey.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        var signPart = Fault == FakeAlipayFault.MissingSignature ? "" : $",\"sign\":\"{sign}\"";
        return [.. Encoding.UTF8.GetBytes($"{{\"{node}\":"), .. nodeJson, .. Encoding.UTF8.GetBytes(signPart + "}")];
    }

    private bool VerifyRequest(Dictionary<string, string> parameters)
    {
        if (parameters.GetValueOrDefault("sign_type") != "RSA2" || parameters.GetValueOrDefault("charset") != "utf-8"
            || parameters.GetValueOrDefault("format") != "JSON" || parameters.GetValueOrDefault("version") != "1.0"
            || !parameters.TryGetValue("sign", out var sign) || !parameters.ContainsKey("biz_content")
            || !DateTime.TryParseExact(parameters.GetValueOrDefault("timestamp"), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        var content = string.Join('&', parameters.Where(p => p.Key != "sign" && p.Value.Length > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        try
        {
            lock (_lock)
            {
                return _appPublicKey.VerifyData(Encoding.UTF8.GetBytes(content), Convert.FromBase64String(sign), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Id(long paymentId) => paymentId.ToString(CultureInfo.InvariantCulture);

    private static string Cst(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
