using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class RequestTimedOutExceptionTests
{
    [Theory]
    [InlineData(30_000, "a request to /api/v1/orders/7 got no answer within 30 s")]
    [InlineData(1_500, "a request to /api/v1/orders/7 got no answer within 1.5 s")]
    [InlineData(300, "a request to /api/v1/orders/7 got no answer within 300 ms")]
    public void Message_NamesTheRequestAndTheTimeoutInItsUnit(int milliseconds, string message)
    {
        var timedOut = new RequestTimedOutException("/api/v1/orders/7", TimeSpan.FromMilliseconds(milliseconds), new TaskCanceledException());

        Assert.Equal(message, timedOut.Message);
    }
}
