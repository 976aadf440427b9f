namespace Canteen.LoadTest.Options;

/// <summary>Everything one run is told on the command line; the defaults make a short, bounded run.</summary>
internal sealed record LoadOptions
{
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    public ScenarioKind Scenario { get; init; } = ScenarioKind.LunchRush;

    public LoadMode Mode { get; init; } = LoadMode.Closed;

    /// <summary>Closed loop: the number of connections (= concurrent requests). Open loop: the in-flight cap.</summary>
    public int Connections { get; init; } = 64;

    /// <summary>Open loop only: requests per second.</summary>
    public double Rate { get; init; }

    /// <summary>
    /// Closed loop: measured requests at most. Open loop: measured arrivals at most, sent or dropped at the in-flight
    /// cap: the timetable is fixed, so a dropped arrival still uses up its place in it. Warmup not included.
    /// </summary>
    public long Requests { get; init; } = 1_000_000;

    public double DurationSeconds { get; init; } = 10;

    public double WarmupSeconds { get; init; } = 2;

    public string FlashStore { get; init; } = "sh-jingan";

    public string FlashDish { get; init; } = "braised-pork";

    public string? JsonPath { get; init; }

    /// <summary>Guest tokens to obtain per store; 0 runs anonymously without asking the server.</summary>
    public int GuestTokens { get; init; } = 16;

    /// <summary>Bearer token for staff/admin reads during verification (stock levels, invariant check).</summary>
    public string? StaffToken { get; init; }

    /// <summary>Signs in as this user for staff/admin reads when no <see cref="StaffToken"/> is given.</summary>
    public string? AdminUser { get; init; }

    public string? AdminPassword { get; init; }

    public bool Verify { get; init; } = true;

    /// <summary>Read back at most this many acknowledged orders (evenly spread); 0 reads back all of them.</summary>
    public int VerifyMax { get; init; }

    /// <summary>
    /// Seconds to wait after the run before verifying, for a server whose payment window is shorter than that (a soak
    /// of the whole unpaid life cycle): every acknowledged order must then be cancelled and every hold released.
    /// 0 (the default): orders are expected to be as the run left them.
    /// </summary>
    public double ExpireWaitSeconds { get; init; }

    /// <summary>Free text recorded in the output, e.g. which server limits were lifted for the benchmark.</summary>
    public string? Note { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>
    /// Bounds every request of the run (see <see cref="Running.LoadClient"/>). Not on the command line: 30 s suits every
    /// server this tool is for, and tests shorten it to see a request time out without waiting that long.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
