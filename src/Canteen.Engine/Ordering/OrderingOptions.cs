namespace Canteen.Engine.Ordering;

/// <summary>Configuration section <c>Canteen:Ordering</c>.</summary>
public sealed class OrderingOptions
{
    public const string Section = "Canteen:Ordering";

    /// <summary>How long a guest has to pay before the order is cancelled and its stock released.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public int MaxLines { get; set; } = 50;

    public int MaxQuantityPerLine { get; set; } = 99;

    public int MaxNoteLength { get; set; } = 200;

    /// <summary>Snowflake worker id (0–1023); every instance of a chain needs its own.</summary>
    public int WorkerId { get; set; }

    /// <summary>
    /// Writes that may wait for the writer. Beyond this the caller gets 503 at once: shed, don't queue. The default is
    /// one full batch: at a few thousand orders a second that is tens of milliseconds of waiting, so an accepted order
    /// stays fast under overload instead of queueing for a second behind thousands of others.
    /// </summary>
    public int WriterQueueCapacity { get; set; } = 256;

    /// <summary>
    /// The system's own writes (outbox marks, inbox records, payment reports, daily resets, expired orders' cancels)
    /// that may wait for the writer, counted apart from <see cref="WriterQueueCapacity"/>: beyond it the system waits,
    /// and it never takes a guest's place. Room for a few relay rounds of inbox records (a round is up to
    /// <c>Canteen:Outbox:BatchSize</c> per consumer) and a page of expiries.
    /// </summary>
    public int WriterSystemQueueCapacity { get; set; } = 1024;

    /// <summary>The most writes committed in one transaction.</summary>
    public int WriterMaxBatch { get; set; } = 256;

    /// <summary>
    /// How long a batch holding only the system's own bookkeeping (outbox marks, inbox records, daily resets) waits for
    /// a guest's write to share its commit; a write that arrives ends the wait at once. Zero commits it alone at once.
    /// </summary>
    public TimeSpan BookkeepingLinger { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>What a shed caller is told to wait before retrying.</summary>
    public TimeSpan OverloadRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the expiry sweeper looks for unpaid orders past their deadline. An order is cancelled at most about
    /// this long after its deadline; the lookup is an index range scan, so asking often is cheap.
    /// </summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The most expired orders one lookup returns.</summary>
    public int ExpiryBatchSize { get; set; } = 256;

    /// <summary>
    /// Expired orders cancelled at the same time; they share the writer's group commits. Their cancels are the system's
    /// writes, so they wait among <see cref="WriterSystemQueueCapacity"/> and never take a guest's place. Each waits
    /// for a commit, so this bounds the expiry rate: with 32 at a time, orders expired at ≈ 3,100 a second while a lunch
    /// rush placed 5,200 (bench/RESULTS.md), and the unpaid backlog grew for as long as the rush lasted.
    /// </summary>
    public int ExpiryConcurrency { get; set; } = 256;
}
