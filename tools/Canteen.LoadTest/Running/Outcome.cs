namespace Canteen.LoadTest.Running;

/// <summary>How a request ended; each outcome has its own latency histogram, so fast refusals do not flatter the rest.</summary>
internal enum Outcome
{
    /// <summary>2xx.</summary>
    Ok,

    /// <summary>4xx other than 429: the server said no on the merits (sold out, invalid...).</summary>
    Refused,

    /// <summary>429 or 503: the server shed the request to protect itself.</summary>
    Shed,

    /// <summary>5xx other than 503, or no answer at all (connection error, client timeout).</summary>
    Failed,
}
