using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>
/// One OpenAPI call: the common parameters, the RSA2 request signature, the POST, and the checks on the answer
/// (HTTP status, response signature, common result fields). Business codes are left to the caller, which knows which
/// of them mean a state (a trade that does not exist) rather than a failure.
/// </summary>
internal sealed class AlipayGateway
{
    private readonly HttpClient _http;
    private readonly AlipayOptions _options;
    private readonly AlipayKeys _keys;
    private readonly TimeProvider _time;

    public AlipayGateway(HttpClient http, AlipayOptions options, AlipayKeys keys, TimeProvider time)
    {
        _http = http;
        _options = options;
        _keys = keys;
        _time = time;
    }

    public async Task<AlipayResponse> CallAsync(string method, string bizContent, bool withNotifyUrl, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app_id"] = _options.AppId!,
            ["method"] = method,
            ["format"] = "JSON",
            ["charset"] = "utf-8",
            ["sign_type"] = "RSA2",
            ["timestamp"] = AlipayTime.Format(_time.GetUtcNow()),
            ["version"] = "1.0",
            ["biz_content"] = bizContent,
        };
        if (withNotifyUrl)
        {
            parameters["notify_url"] = _options.NotifyUrl!.AbsoluteUri;
        }

        parameters["sign"] = _keys.Sign(AlipaySignContent.Build(parameters));
        var body = await PostAsync(method, parameters, cancellationToken);
        return Read(method, body);
    }

    private async Task<byte[]> PostAsync(string method, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(parameters);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };

        // Our own deadline, on the wall clock, whatever the HttpClient's: the saga's retry decision needs a bounded call.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        try
        {
            using var response = await _http.PostAsync(_options.GatewayUrl, content, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
                throw new PaymentProviderException(
                    AlipayProvider.ProviderName, $"http_{status}", $"The Alipay gateway answered {method} with HTTP {status}.", transient);
            }

            return await response.Content.ReadAsByteArrayAsync(deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentProviderException(
                AlipayProvider.ProviderName, "timeout", $"Alipay {method} did not answer within {_options.RequestTimeout}.", transient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentProviderException(
                AlipayProvider.ProviderName, "network_error", $"Alipay {method} failed in transport: {ex.Message}", transient: true, ex);
        }
    }

    private AlipayResponse Read(string method, byte[] body)
    {
        if (!AlipayResponseReader.TryRead(body, method, out var node, out var sign))
        {
            throw AlipayErrors.InvalidResponse(method, "no single response node in the body");
        }

        if (Verifies(node.Span, sign))
        {
            return Parse(method, node);
        }

        // Alipay leaves some gateway errors unsigned (an unknown app id has no key pair to sign with). Such an answer
        // is reported as the failure it claims to be, but never reaches the caller's mapping: an unverified "trade
        // does not exist" must not close or give up on a payment.
        if (string.IsNullOrEmpty(sign) && Parse(method, node) is { IsSuccess: false } unsignedError)
        {
            throw unsignedError.ToException();
        }

        throw AlipayErrors.SignatureInvalid(method);
    }

    private static AlipayResponse Parse(string method, ReadOnlyMemory<byte> node)
    {
        try
        {
            return AlipayResponse.Parse(method, node);
        }
        catch (JsonException ex)
        {
            throw AlipayErrors.InvalidResponse(method, "the response node is not JSON", ex);
        }
    }

    private bool Verifies(ReadOnlySpan<byte> node, string? sign)
    {
        if (_keys.Verify(node, sign))
        {
            return true;
        }

        // Alipay's own SDKs retry with "\/" unescaped: some answers are signed over the text before a JSON library
        // escaped the slashes in URLs. Both spellings parse to the same values, so accepting either is safe.
        var text = Encoding.UTF8.GetString(node);
        return text.Contains("\\/", StringComparison.Ordinal) && _keys.Verify(Encoding.UTF8.GetBytes(text.Replace("\\/", "/", StringComparison.Ordinal)), sign);
    }
}
