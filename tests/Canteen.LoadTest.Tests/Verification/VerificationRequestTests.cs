using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class VerificationRequestTests
{
    [Fact]
    public async Task SendAsync_NoAnswerWithinTheClientsTimeout_NamesTheRequestAndTheTimeout()
    {
        using var client = new SilentHandler().Client(TimeSpan.FromMilliseconds(150));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/orders/7", UriKind.Relative));

        var thrown = await Assert.ThrowsAsync<RequestTimedOutException>(
            () => VerificationRequest.SendAsync(client, request, TestContext.Current.CancellationToken));

        Assert.Equal("a request to /api/v1/orders/7 got no answer within 150 ms", thrown.Message);
        Assert.IsType<TaskCanceledException>(thrown.InnerException);
    }

    // The caller's cancellation (the verification's bound, Ctrl+C) stays a cancellation: it is not the request's fault.
    [Fact]
    public async Task SendAsync_CallerCancels_StaysACancellation()
    {
        using var client = new SilentHandler().Client(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/orders/7", UriKind.Relative));
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMilliseconds(150));

        var thrown = await Assert.ThrowsAsync<TaskCanceledException>(() => VerificationRequest.SendAsync(client, request, bound.Token));

        Assert.Null(thrown.InnerException as TimeoutException);
    }
}
