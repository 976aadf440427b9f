using System.Text;
using Canteen.LoadTest.Running;

namespace Canteen.LoadTest.Tests.Running;

public sealed class ProblemCodeTests
{
    [Theory]
    [InlineData("""{"type":"about:blank","title":"Sold out.","status":409,"code":"sold_out","traceId":"x"}""", "sold_out")]
    [InlineData("""{"code":"first"}""", "first")]
    [InlineData("""{"errors":{"code":"nested"},"extra":[{"code":"in-array"}],"code":"top_level"}""", "top_level")]
    [InlineData("""  {"status":429, "code" : "rate_limited"}  """, "rate_limited")]
    public void Read_ProblemBody_FindsTheTopLevelCode(string body, string code)
    {
        Assert.Equal(code, ProblemCode.Read(Encoding.UTF8.GetBytes(body)));
    }

    // Without a readable top-level code the caller records "(no code)"; the reader must say null, never throw.
    [Theory]
    [InlineData("")]
    [InlineData("""{"type":"about:blank","title":"Not Found","status":404}""")]
    [InlineData("""{"errors":{"code":"nested"}}""")]
    [InlineData("""{"code":409}""")]
    [InlineData("""{"code":null}""")]
    [InlineData("""["code","sold_out"]""")]
    [InlineData("\"sold_out\"")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"code":"cut off""")]
    [InlineData("""{"status":409,""")]
    public void Read_NoTopLevelStringCode_ReturnsNull(string body)
    {
        Assert.Null(ProblemCode.Read(Encoding.UTF8.GetBytes(body)));
    }
}
