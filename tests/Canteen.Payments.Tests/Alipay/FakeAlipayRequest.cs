using System.Text.Json;

namespace Canteen.Payments.Tests.Alipay;

/// <summary>A gateway request as the fake received it, with its verdict on the signature.</summary>
public sealed record FakeAlipayRequest(string? Method, IReadOnlyDictionary<string, string> Parameters, string? ContentType, bool SignatureValid)
{
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public string? Biz(string name)
    {
        using var document = JsonDocument.Parse(Parameters["biz_content"]);
        return document.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
