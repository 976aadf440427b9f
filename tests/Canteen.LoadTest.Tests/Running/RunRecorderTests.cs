using System.Diagnostics;
using Canteen.LoadTest.Running;
using Canteen.LoadTest.Tests.Support;
using Canteen.LoadTest.Workload;
using HdrHistogram;

namespace Canteen.LoadTest.Tests.Running;

public sealed class RunRecorderTests
{
    [Theory]
    [InlineData(200, nameof(Outcome.Ok))]
    [InlineData(201, nameof(Outcome.Ok))]
    [InlineData(204, nameof(Outcome.Ok))]
    [InlineData(299, nameof(Outcome.Ok))]
    [InlineData(429, nameof(Outcome.Shed))]
    [InlineData(503, nameof(Outcome.Shed))]
    [InlineData(400, nameof(Outcome.Refused))]
    [InlineData(401, nameof(Outcome.Refused))]
    [InlineData(404, nameof(Outcome.Refused))]
    [InlineData(409, nameof(Outcome.Refused))]
    [InlineData(499, nameof(Outcome.Refused))]
    [InlineData(500, nameof(Outcome.Failed))]
    [InlineData(502, nameof(Outcome.Failed))]
    [InlineData(504, nameof(Outcome.Failed))]
    [InlineData(0, nameof(Outcome.Failed))]
    public void Classify_Status_GivesTheReadmesOutcome(int status, string outcome)
    {
        Assert.Equal(Enum.Parse<Outcome>(outcome), RunRecorder.Classify(status));
    }

    [Fact]
    public void Record_MeasuredAnswers_CountedByStatusProblemCodeAndOutcome()
    {
        var recorder = new RunRecorder();
        recorder.RecordAnswer(OperationKind.Order, 201);
        recorder.RecordAnswer(OperationKind.Order, 201);
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out");
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out");
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out");
        recorder.RecordAnswer(OperationKind.Order, 422, "invalid");
        recorder.RecordAnswer(OperationKind.Menu, 200);
        recorder.RecordAnswer(OperationKind.Cancel, 503, "(no code)");
        recorder.RecordAnswer(OperationKind.Order, 0, "client_timeout");

        Assert.Equal(9, recorder.Completed);
        Assert.Equal(2, recorder.Placed);
        Assert.Equal((3, 4, 1, 1), (recorder.CountOf(Outcome.Ok), recorder.CountOf(Outcome.Refused), recorder.CountOf(Outcome.Shed), recorder.CountOf(Outcome.Failed)));
        Assert.Equal(
            new Dictionary<string, long> { ["201"] = 2, ["409"] = 3, ["422"] = 1, ["200"] = 1, ["503"] = 1, ["no-response"] = 1 }.OrderBy(p => p.Key),
            recorder.StatusCounts().OrderBy(p => p.Key));
        Assert.Equal(
            new Dictionary<string, long> { ["sold_out"] = 3, ["invalid"] = 1, ["(no code)"] = 1, ["client_timeout"] = 1 }.OrderBy(p => p.Key),
            recorder.ProblemCodes().OrderBy(p => p.Key));
        Assert.Equal("sold_out", recorder.ProblemCodes().First().Key);
    }

    // Fast refusals must not flatter accepted orders: each kind and outcome has its own histogram.
    [Fact]
    public void Record_KindAndOutcome_GoToTheirOwnHistogram()
    {
        var recorder = new RunRecorder();
        recorder.RecordAnswer(OperationKind.Order, 201, micros: 5_000);
        recorder.RecordAnswer(OperationKind.Order, 409, "sold_out", micros: 300);
        recorder.RecordAnswer(OperationKind.Menu, 200, micros: 800);

        Assert.Equal(1, recorder.Histogram(OperationKind.Order, Outcome.Ok).TotalCount);
        Assert.Equal(1, recorder.Histogram(OperationKind.Order, Outcome.Refused).TotalCount);
        Assert.Equal(1, recorder.Histogram(OperationKind.Menu, Outcome.Ok).TotalCount);
        Assert.Equal(0, recorder.Histogram(OperationKind.Cancel, Outcome.Ok).TotalCount);
        Assert.Equal(3, recorder.All.TotalCount);
        Assert.InRange(recorder.Histogram(OperationKind.Order, Outcome.Ok).GetMaxValue(), 5_000, 5_005);
        Assert.InRange(recorder.Histogram(OperationKind.Order, Outcome.Refused).GetMaxValue(), 300, 301);
    }

    [Fact]
    public void Record_Warmup_IsNotCountedAnywhere()
    {
        var recorder = new RunRecorder();
        recorder.Record(OperationKind.Order, 201, null, 0, Stopwatch.Frequency, measured: false);
        recorder.RecordDropped(measured: false);

        Assert.Equal((1, 0, 0, 0, 0L), (recorder.WarmupCompleted, recorder.Completed, recorder.Placed, recorder.Dropped, recorder.All.TotalCount));
        Assert.Empty(recorder.StatusCounts());
    }

    [Fact]
    public void RecordDropped_Measured_Counted()
    {
        var recorder = new RunRecorder();
        recorder.RecordDropped(measured: true);
        recorder.RecordDropped(measured: true);

        Assert.Equal((2, 0), (recorder.Dropped, recorder.Completed));
    }
}
