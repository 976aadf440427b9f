using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Canteen.Engine.Payments;

namespace Canteen.Payments.WeChatPay;

/// <summary>
/// One signed call to the WeChat Pay v3 API: signs the request with our merchant key, verifies the answer with
/// WeChat's key and turns every failure into a <see cref="PaymentProviderException"/> that says whether a retry may help.
/// </summary>
internal sealed class WeChatPayApiClient(
    HttpClient http, WeChatPayCredentials credentials, WeChatPaySignatureVerifier verifier, TimeProvider timeProvider)
{
    private const string UserAgent = "Canteen/1.0 (WeChatPay-APIv3)";

    /// <summary>Sends the call and returns the verified body of a 2xx answer.</summary>
    public async Task<byte[]> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(credentials.Options.BaseUrl, pathAndQuery));
        var timestamp = WeChatPayMessages.UnixSeconds(timeProvider);
        var nonce = WeChatPayMessages.NewNonce();
        // Sign the path exactly as it goes on the wire: WeChat rebuilds the message from what it received.
        var signed = WeChatPayMessages.Request(method.Method, request.RequestUri!.PathAndQuery, timestamp, nonce, body);
        var authorization = WeChatPayMessages.Authorization(
            credentials.MchId, nonce, credentials.Sign(signed), timestamp, credentials.MerchantSerialNumber);
        request.Headers.TryAddWithoutValidation("Authorization", $"{WeChatPayMessages.AuthorizationScheme} {authorization}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        // The timeout runs on the injected clock so tests can expire it without waiting.
        using var timeout = new CancellationTokenSource(credentials.Options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, linked.Token);
            var answer = await response.Content.ReadAsByteArrayAsync(linked.Token);
            return Check(method, pathAndQuery, response, answer);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure("timeout", $"no answer to {method} {pathAndQuery} within {credentials.Options.RequestTimeout}", transient: true, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Failure("network_error", $"{method} {pathAndQuery} failed: {ex.Message}", transient: true, ex);
        }
    }

    /// <summary>Sends the call and parses the verified answer.</summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method, string pathAndQuery, byte[]? body, JsonTypeInfo<T> answerType, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(method, pathAndQuery, body, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(answer, answerType)
                ?? throw Failure("response_malformed", $"the answer to {method} {pathAndQuery} is empty", transient: false);
        }
        catch (JsonException ex)
        {
            throw Failure("response_malformed", $"the answer to {method} {pathAndQuery} is not the expected JSON", transient: false, ex);
        }
    }

    public static PaymentProviderException Failure(string code, string message, bool transient, Exception? inner = null) =>
        new(WeChatPayProvider.ProviderName, code, "WeChat Pay: " + message + ".", transient, inner);

    private byte[] Check(HttpMethod method, string path, HttpResponseMessage response, byte[] answer)
    {
        var status = (int)response.StatusCode;
        var success = status is >= 200 and < 300;
        var error = success ? null : ReadError(answer);

        // A 5xx or 429 leads to a retry whatever it says, so it needs no proof of origin; gateways in front of
        // WeChat answer such errors unsigned, and calling those "forged" would stop a retry that may succeed.
        if (status >= 500 || status == 429)
        {
            throw Failure(error?.Code ?? $"http_{status}", $"{method} {path} answered {status} {error?.Message}", transient: true);
        }

        // Anything else decides something (paid, not found, refused), so it must be WeChat's own word.
        var rejection = verifier.Check(name => Header(response, name), answer);
        if (rejection is not null)
        {
            throw Failure("response_signature_invalid", $"the answer to {method} {path} did not verify: {rejection}", transient: false);
        }

        if (success)
        {
            return answer;
        }

        var code = error?.Code ?? $"http_{status}";
        var transient = code is "SYSTEM_ERROR" or "FREQUENCY_LIMITED";
        throw Failure(code, $"{method} {path} answered {status} {code}: {error?.Message}", transient);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static ErrorResponse? ReadError(byte[] answer)
    {
        try
        {
            return answer.Length == 0 ? null : JsonSerializer.Deserialize(answer, WeChatPayJsonContext.Default.ErrorResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
