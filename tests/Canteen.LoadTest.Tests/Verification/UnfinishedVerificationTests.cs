using System.Text.Json;
using Canteen.LoadTest.Verification;

namespace Canteen.LoadTest.Tests.Verification;

public sealed class UnfinishedVerificationTests
{
    private static readonly Uri Url = new("http://127.0.0.1:5080");

    // Ctrl+C cancels whatever was in flight; what that then threw says nothing about the server.
    [Fact]
    public void Reason_Interrupted_SaysCtrlCWhateverWasThrown()
    {
        Exception[] thrown = [new OperationCanceledException(), new HttpRequestException("refused"), TimedOut(), new KeyNotFoundException("x")];

        Assert.All(thrown, e => Assert.Equal("verification could not finish: interrupted (Ctrl+C)", UnfinishedVerification.Reason(e, true, Url)));
    }

    [Fact]
    public void Reason_OneRequestTimedOut_NamesTheRequestNotTheBound()
    {
        Assert.Equal(
            "verification could not finish against http://127.0.0.1:5080/: a request to /api/v1/orders/7 got no answer within 30 s",
            UnfinishedVerification.Reason(TimedOut(), false, Url));
    }

    [Fact]
    public void Reason_CancelledWithoutCtrlC_IsTheVerificationsBound()
    {
        Assert.Equal(
            "verification could not finish against http://127.0.0.1:5080/: it took longer than its bound of 10 minutes after --expire-wait",
            UnfinishedVerification.Reason(new TaskCanceledException(), false, Url));
    }

    [Fact]
    public void Reason_ServerFailedOrAnsweredGarbage_ItsMessageAgainstTheServer()
    {
        Exception[] thrown = [new HttpRequestException("Connection refused"), new JsonException("Connection refused"),
            new InvalidOperationException("Connection refused"), new MalformedAnswerException("Connection refused")];

        Assert.All(thrown, e => Assert.Equal(
            "verification could not finish against http://127.0.0.1:5080/: Connection refused", UnfinishedVerification.Reason(e, false, Url)));
    }

    // Whatever else the check throws still becomes a failed verification, named by its type, not the tool's crash.
    [Fact]
    public void Reason_AnythingElse_NamesItsTypeAndMessage()
    {
        Assert.Equal(
            "verification could not finish: KeyNotFoundException: The given key 'reserved' was not present in the dictionary.",
            UnfinishedVerification.Reason(new KeyNotFoundException("The given key 'reserved' was not present in the dictionary."), false, Url));
    }

    private static RequestTimedOutException TimedOut() =>
        new("/api/v1/orders/7", TimeSpan.FromSeconds(30), new TaskCanceledException("timed out", new TimeoutException()));
}
