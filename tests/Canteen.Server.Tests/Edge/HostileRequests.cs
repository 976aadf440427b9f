using CsCheck;

namespace Canteen.Server.Tests.Edge;

/// <summary>
/// CsCheck generators of requests no well-behaved client sends: broken JSON, huge numbers, deep nesting, wrong types,
/// long strings, odd Unicode, bad headers and oversized bodies, against every endpoint. Bodies of writing endpoints are
/// never valid, so no generated request may change the database.
/// </summary>
public static class HostileRequests
{
    private static readonly string[] OddText =
    [
        "", " ", "\u0000", "\\u0000", "\ud83c\udf5c", "\u202e\u202d", "\u200b\u200b", "\ufeff", "e\u0301\u0301\u0301", "\uffff",
        "\\ud800", "\\udfff", "'; DROP TABLE orders; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%2e%2e%2f",
        "${jndi:ldap://x}", "null", "NaN", "-0", "1e309",
    ];

    private static readonly Gen<string> Odd = Gen.OneOf(
        Gen.OneOfConst(OddText),
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.Int[1, 70_000].Select(n => new string('x', n)));

    private static readonly Gen<string> StoreId = Gen.OneOf(Gen.Const("sh-jingan"), Gen.Const("nope"), Odd.Select(Escape));

    private static readonly Gen<string> OrderId = Gen.OneOf(
        Gen.OneOfConst("1", "0", "-1", "99999999999999999999", "9223372036854775807", "1.5", "0x10", " 1"),
        Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Odd.Select(Escape));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.OneOfConst("1e308", "-1e308", "99999999999999999999999999", "-1", "0", "100", "1.5", "2147483648", "-2147483649", "NaN", "Infinity", "0x1", "01", "1e2"),
        Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // Never a small non-negative number: that could be a valid quantity or stock total, and the request would write.
    private static readonly Gen<string> WrongValue = Gen.OneOf(
        Gen.OneOfConst("true", "null", "[]", "{}", "\"\"", "\"5\"", "[1,2]", "{\"a\":1}"),
        Number,
        Odd.Select(s => "\"" + Json(s) + "\"")).Where(v => !MaybeValidCount(v));

    private static readonly Gen<string> Body = Gen.OneOf(
        // Broken JSON: every strict prefix of an object is malformed.
        Gen.OneOfConst(ValidShapes).SelectMany(v => Gen.Int[0, v.Length - 1].Select(n => v[..n])),
        Gen.OneOfConst("{", "}", "[", "\"", "{\"items\":[", "{,}", "{\"a\" 1}", "{'type':'takeaway'}", "{\"type\":\"takeaway\",}", "\u0000", "nul"),
        // Deep nesting, far past the parser's depth limit.
        Gen.Int[65, 20_000].Select(n => new string('[', n) + new string(']', n)),
        Gen.Int[65, 5_000].Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)),
        // Wrong types and out-of-range numbers in every field that matters.
        WrongValue.Select(v => $$"""{"type":"takeaway","items":[{"dishId":"steamed-rice","quantity":{{v}}}]}"""),
        WrongValue.Select(v => $$"""{"type":{{v}},"items":[{"dishId":"nope-dish","quantity":1}]}"""),
        WrongValue.Select(v => $$"""{"type":"takeaway","items":{{v}}}"""),
        WrongValue.Select(v => $$"""{"total":{{v}}}"""),
        WrongValue.Select(v => $$"""{"storeId":{{v}},"table":{{v}}}"""),
        WrongValue.Select(v => $$"""{"username":{{v}},"password":{{v}},"role":{{v}},"storeIds":{{v}}}"""),
        // Long strings and odd Unicode where identifiers go (never a real dish, store or user).
        Odd.Select(s => $$"""{"type":"takeaway","items":[{"dishId":"{{Json(s)}}-x","quantity":1}]}"""),
        Odd.Select(s => $$"""{"username":"{{Json(s)}}","password":"{{Json(s)}}"}"""),
        // Too many lines, too many portions.
        Gen.Int[51, 400].Select(n => "{\"type\":\"takeaway\",\"items\":[" + string.Join(",", Enumerable.Repeat("{\"dishId\":\"steamed-rice\",\"quantity\":1}", n)) + "]}"),
        Gen.Int[100, 100_000].Select(n => $$"""{"type":"takeaway","items":[{"dishId":"steamed-rice","quantity":{{n}}}]}"""),
        // Oversized: past the order limit (64 KiB) and past the server's body limit (256 KiB).
        Gen.Int[65_000, 400_000].Select(n => "{\"note\":\"" + new string('n', n) + "\"}"),
        Gen.Const(""));

    private static readonly Gen<KeyValuePair<string, string>> Header = Gen.OneOf(
        Odd.Select(v => new KeyValuePair<string, string>("Idempotency-Key", Clean(v))),
        Gen.Const(new KeyValuePair<string, string>("Idempotency-Key", new string('k', 300))),
        Odd.Select(v => new KeyValuePair<string, string>("If-Match", Clean(v))),
        Gen.OneOfConst("Bearer", "Bearer x.y.z", "Basic Zm9vOmJhcg==", "Bearer " + new string('a', 5000), "bearer eyJhbGciOiJub25lIn0.e30.")
            .Select(v => new KeyValuePair<string, string>("Authorization", v)),
        Gen.OneOfConst("-1", "99999999999", "abc").Select(v => new KeyValuePair<string, string>("Content-Length-Hint", v)));

    private static readonly Gen<(string Method, string Path)> Target = Gen.OneOf(
        StoreId.Select(s => ("GET", $"/api/v1/stores/{s}/menu")),
        StoreId.Select(s => ("GET", $"/api/v1/stores/{s}/stock")),
        Gen.Select(StoreId, Odd.Select(Escape), (s, d) => ("PUT", $"/api/v1/stores/{s}/stock/{d}")),
        StoreId.Select(s => ("PUT", $"/api/v1/stores/{s}/stock/peking-duck")),
        StoreId.Select(s => ("POST", $"/api/v1/stores/{s}/orders")),
        Gen.Select(StoreId, Odd.Select(Escape), (s, q) => ("GET", $"/api/v1/stores/{s}/orders?status={q}&limit={q}&after={q}")),
        OrderId.Select(o => ("GET", "/api/v1/orders/" + o)),
        Gen.Select(OrderId, Gen.OneOfConst("cancel", "start", "ready", "complete"), (o, a) => ("POST", $"/api/v1/orders/{o}/{a}")),
        Gen.Select(Gen.OneOfConst("nope", "x"), s => ("GET", $"/api/v1/stores/{s}/events")),
        Gen.Const(("GET", "/api/v1/stores")),
        Gen.Const(("GET", "/api/v1/admin/stock/invariant")),
        Gen.Const(("POST", "/api/v1/admin/users")),
        Gen.Const(("POST", "/api/v1/auth/guest")),
        Gen.Const(("POST", "/api/v1/auth/token")),
        Gen.Const(("POST", "/api/v1/auth/refresh")),
        Gen.OneOfConst("DELETE", "PATCH", "PUT").Select(m => (m, "/api/v1/stores")),
        Odd.Select(p => ("GET", "/api/v1/" + Escape(p))));

    public static Gen<FuzzRequest> Requests { get; } =
        Gen.Select(
            Target,
            Body.Null(0.1),
            Gen.OneOfConst("application/json", "text/plain", "application/json; charset=utf-7", "application/x-www-form-urlencoded", ""),
            Gen.Int[0, 5].Select(i => (Role)i),
            // One request in twenty also carries headers past the 32 KiB limit.
            Gen.Select(Header.List[0, 3], Gen.Int[0, 19], (h, n) => n == 0 ? [.. h, new("X-Filler", new string('h', 40_000))] : h),
            (t, b, ct, r, h) => new FuzzRequest(t.Method, t.Path, b, ct, r, h));

    private static string[] ValidShapes =>
    [
        """{"type":"takeaway","items":[{"dishId":"steamed-rice","quantity":1}]}""",
        """{"total":5}""",
        """{"storeId":"sh-jingan","table":"A1"}""",
        """{"username":"admin","password":"test-admin-password"}""",
        """{"username":"someone","password":"long-enough-pw","role":"staff","storeIds":["sh-jingan"]}""",
    ];

    private static bool MaybeValidCount(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1_000_000;

    /// <summary>Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD), capped so most paths reach the app.</summary>
    private static string Escape(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.Length > 2_000 ? text[..2_000] : text);
        var escaped = new System.Text.StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private static string Json(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Clean(string text) => new(text.Where(c => c is >= ' ' and < '\u007f').Take(1000).ToArray());
}
