using System.Diagnostics;
using System.Globalization;
using System.Net;
using Canteen.LoadTest.Options;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;

namespace Canteen.LoadTest.Tests.Running;

public sealed class RequestSenderTests
{
    private static readonly OrderTemplate Template = TestMenus.Holding("sh-jingan", ("braised-pork", 1));

    [Fact]
    public async Task SendAsync_OrderAcknowledged_RemembersItForVerification()
    {
        var (sender, recorder, acks, handler) = Create(_ =>
        {
            var created = StubHandler.Json(HttpStatusCode.Created, """{"id":"77"}""");
            created.Headers.Location = new Uri("/api/v1/orders/77", UriKind.Relative);
            return created;
        });

        await Send(sender, Operation.Order(Template));

        var placed = Assert.Single(acks.Placed);
        Assert.Equal("77", placed.Id);
        Assert.Equal((1, 1), (recorder.Placed, recorder.CountOf(Outcome.Ok)));
        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "/api/v1/stores/sh-jingan/orders", Template.Authorization), request);
        Assert.Equal(0, sender.InFlight);
    }

    // Every order carries a fresh key, so the server never sees a replay and never answers from its idempotency cache.
    [Fact]
    public async Task SendAsync_Orders_CarryTheBodyAndAFreshIdempotencyKeyEach()
    {
        var keys = new List<string>();
        var bodies = new List<byte[]>();
        var (sender, _, _, _) = Create(request =>
        {
            keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            bodies.Add(request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult());
            Assert.Equal("application/json", request.Content.Headers.ContentType?.MediaType);
            return StubHandler.Status(HttpStatusCode.Conflict);
        });

        await Send(sender, Operation.Order(Template));
        await Send(sender, Operation.Order(Template));

        Assert.Equal(2, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(Guid.TryParse(k, out _)));
        Assert.All(bodies, b => Assert.Equal(Template.Body, b));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, """{"code":"sold_out"}""", "sold_out")]
    [InlineData(HttpStatusCode.NotFound, "", "(no code)")]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>", "(no code)")]
    public async Task SendAsync_ErrorAnswer_RecordsItsProblemCode(HttpStatusCode status, string body, string code)
    {
        var (sender, recorder, _, _) = Create(_ => StubHandler.Json(status, body));

        await Send(sender, Operation.Order(Template));

        Assert.Equal(new Dictionary<string, long> { [code] = 1 }, recorder.ProblemCodes());
    }

    // Such an order may or may not exist: the stock check must then accept more portions taken, never fewer.
    [Fact]
    public async Task SendAsync_OrderWithoutAnswer_CountsAsFailedWithUnknownOutcome()
    {
        var (sender, recorder, acks, _) = Create(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        await Send(sender, Operation.Order(Template));

        Assert.Equal(1, recorder.CountOf(Outcome.Failed));
        Assert.Equal(new Dictionary<string, long> { ["no-response"] = 1 }, recorder.StatusCounts());
        Assert.Equal(new Dictionary<string, long> { ["client_connectionerror"] = 1 }, recorder.ProblemCodes());
        Assert.Equal((1, 0), (acks.UnknownOutcomes, acks.Placed.Count));
        Assert.Equal(0, sender.InFlight);
    }

    [Fact]
    public async Task SendAsync_OrderShedOrRefused_IsNeitherPlacedNorUnknown()
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Conflict]);
        var (sender, _, acks, _) = Create(_ => StubHandler.Status(statuses.Dequeue()));

        for (var i = 0; i < 3; i++)
        {
            await Send(sender, Operation.Order(Template));
        }

        Assert.Equal((0, 0), (acks.UnknownOutcomes, acks.Placed.Count));
    }

    // The API answers a placed order with 201 and nothing else: after another success the order may or may not exist.
    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task SendAsync_OrderAnsweredWithASuccessTheApiDoesNotDefine_CountsAsUnknownAndAsADeviation(HttpStatusCode status)
    {
        var (sender, recorder, acks, _) = Create(_ =>
        {
            var answer = StubHandler.Status(status);
            answer.Headers.Location = new Uri("/api/v1/orders/77", UriKind.Relative);
            return answer;
        });

        await Send(sender, Operation.Order(Template));

        Assert.Equal((1, 0), (recorder.CountOf(Outcome.Ok), recorder.Placed));
        Assert.Equal((1, 0, 0), (acks.UnknownOutcomes, acks.Placed.Count, acks.Acknowledged));
        Assert.Equal([(OperationKind.Order, (int)status, 1L)], acks.UndefinedSuccesses);
    }

    [Fact]
    public async Task SendAsync_CancelConfirmed_MarksTheOrderCancelled()
    {
        var (sender, _, acks, handler) = Create(_ => StubHandler.Json(HttpStatusCode.OK, """{"status":"cancelled"}"""));
        var order = new AckedOrder("12", Template);

        await Send(sender, Operation.Cancel(order));

        Assert.True(acks.IsCancelled("12"));
        Assert.Equal((HttpMethod.Post, "/api/v1/orders/12/cancel", Template.Authorization), Assert.Single(handler.Requests));
    }

    // The server may have cancelled the order before the answer was lost: its hold may or may not be released.
    [Theory]
    [InlineData("connection error")]
    [InlineData("timeout")]
    [InlineData("500")]
    [InlineData("302")]
    public async Task SendAsync_CancelWithoutClearAnswer_CountsAsUnknownCancel(string answer)
    {
        var (sender, recorder, acks, _) = Create(_ => answer switch
        {
            "connection error" => throw new HttpRequestException(HttpRequestError.ConnectionError, "reset"),
            "timeout" => throw new TaskCanceledException("timed out"),
            _ => StubHandler.Status((HttpStatusCode)int.Parse(answer, CultureInfo.InvariantCulture)),
        });

        await Send(sender, Operation.Cancel(new AckedOrder("12", Template)));

        Assert.Equal(1, recorder.CountOf(Outcome.Failed));
        Assert.Equal((1, false), (acks.UnknownCancels, acks.IsCancelled("12")));
        Assert.True(acks.IsCancelUnknown("12"));
        Assert.Equal(0, acks.UnknownOutcomes);
    }

    // The API answers a cancel with 200 and the cancelled order: a 204 does not say whether the hold was released.
    [Theory]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task SendAsync_CancelAnsweredWithASuccessTheApiDoesNotDefine_CountsAsUnknownCancelAndAsADeviation(HttpStatusCode status)
    {
        var (sender, recorder, acks, _) = Create(_ => StubHandler.Status(status));

        await Send(sender, Operation.Cancel(new AckedOrder("12", Template)));
        await Send(sender, Operation.Cancel(new AckedOrder("13", Template)));

        Assert.Equal(2, recorder.CountOf(Outcome.Ok));
        Assert.Equal((2, false, true), (acks.UnknownCancels, acks.IsCancelled("12"), acks.IsCancelUnknown("12")));
        Assert.Equal(0, acks.UnknownOutcomes);
        Assert.Equal([(OperationKind.Cancel, (int)status, 2L)], acks.UndefinedSuccesses);
    }

    [Fact]
    public async Task SendAsync_DefinedAnswers_AreNoDeviation()
    {
        var (sender, _, acks, _) = Create(request => request.RequestUri!.AbsolutePath.EndsWith("/cancel", StringComparison.Ordinal)
            ? StubHandler.Json(HttpStatusCode.OK, """{"status":"cancelled"}""")
            : StubHandler.Status(HttpStatusCode.OK));

        await Send(sender, Operation.Cancel(new AckedOrder("12", Template)));
        await Send(sender, Operation.Menu("/api/v1/stores/sh-jingan/menu"));

        Assert.Empty(acks.UndefinedSuccesses);
        Assert.Equal((0, 0), (acks.UnknownOutcomes, acks.UnknownCancels));
    }

    [Fact]
    public async Task SendAsync_CancelRefusedOrShed_IsNeitherCancelledNorUnknown()
    {
        var statuses = new Queue<HttpStatusCode>([HttpStatusCode.Conflict, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable]);
        var (sender, _, acks, _) = Create(_ => StubHandler.Status(statuses.Dequeue()));

        for (var i = 0; i < 3; i++)
        {
            await Send(sender, Operation.Cancel(new AckedOrder("12", Template)));
        }

        Assert.Equal((0, false, false), (acks.UnknownCancels, acks.IsCancelled("12"), acks.IsCancelUnknown("12")));
    }

    [Fact]
    public void TryReserve_AtTheCap_RefusesUntilASlotFrees()
    {
        var (sender, _, _, _) = Create(_ => StubHandler.Status(HttpStatusCode.OK));

        Assert.True(sender.TryReserve(2));
        Assert.True(sender.TryReserve(2));
        Assert.False(sender.TryReserve(2));
        Assert.Equal(2, sender.InFlight);
    }

    private static (RequestSender Sender, RunRecorder Recorder, AckLog Acks, StubHandler Handler) Create(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var handler = new StubHandler(answer);
        var recorder = new RunRecorder();
        var acks = new AckLog();
        var scenario = new Scenario(ScenarioKind.LunchRush, [[Template]]);
        return (new RequestSender(handler.Client(), recorder, scenario, acks), recorder, acks, handler);
    }

    private static Task Send(RequestSender sender, Operation operation)
    {
        Assert.True(sender.TryReserve(1));
        return sender.SendAsync(operation, Stopwatch.GetTimestamp(), measured: true);
    }
}
