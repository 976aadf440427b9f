namespace Canteen.Engine.Storage;

/// <summary>What happened to one write of a committed batch.</summary>
public enum WriteOutcome
{
    Committed,

    /// <summary>An <see cref="UpdateOrder"/> found another version: someone else changed the order first. Nothing was written for it.</summary>
    VersionConflict,

    /// <summary>The row to update does not exist. Nothing was written for it.</summary>
    NotFound,

    /// <summary>A <see cref="RecordInbox"/> for an event the consumer has already handled: do not handle it again.</summary>
    Duplicate,
}
