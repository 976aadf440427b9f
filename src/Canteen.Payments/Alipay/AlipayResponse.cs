using System.Text.Json;
using Canteen.Engine.Payments;

namespace Canteen.Payments.Alipay;

/// <summary>A verified gateway answer: the common result fields and the node for the method-specific ones.</summary>
internal sealed class AlipayResponse
{
    private const string Success = "10000";

    // 20000 is "service unavailable" and ACQ.SYSTEM_ERROR a failure inside Alipay: Alipay asks to retry both with the
    // same parameters. Everything else (40002 invalid arguments, 40004 business failures, 40006 no permission) is about
    // our request and would fail again.
    private const string ServiceUnavailable = "20000";

    private AlipayResponse(string method, string code, string? msg, string? subCode, string? subMsg, JsonElement body)
    {
        Method = method;
        Code = code;
        Msg = msg;
        SubCode = subCode;
        SubMsg = subMsg;
        Body = body;
    }

    public string Method { get; }

    public string Code { get; }

    public string? Msg { get; }

    public string? SubCode { get; }

    public string? SubMsg { get; }

    public JsonElement Body { get; }

    public bool IsSuccess => Code == Success;

    public bool IsTransient => Code == ServiceUnavailable || SubCode is "ACQ.SYSTEM_ERROR" or "aop.ACQ.SYSTEM_ERROR";

    public static AlipayResponse Parse(string method, ReadOnlyMemory<byte> node)
    {
        using var document = JsonDocument.Parse(node);
        var body = document.RootElement.Clone();
        var code = Text(body, "code") ?? throw AlipayErrors.InvalidResponse(method, "the response has no code");
        return new AlipayResponse(method, code, Text(body, "msg"), Text(body, "sub_code"), Text(body, "sub_msg"), body);
    }

    public bool HasSubCode(string subCode) => !IsSuccess && string.Equals(SubCode, subCode, StringComparison.Ordinal);

    public string? Get(string name) => Text(Body, name);

    public string Require(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw AlipayErrors.InvalidResponse(Method, $"the response has no {name}");

    public AlipayResponse EnsureSuccess() => IsSuccess ? this : throw ToException();

    public PaymentProviderException ToException() =>
        new(
            AlipayProvider.ProviderName,
            SubCode ?? Code,
            $"Alipay {Method} failed: {Code} {Msg}" + (SubCode is null ? "" : $" ({SubCode}: {SubMsg})"),
            IsTransient);

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
