namespace Canteen.Engine.Errors;

/// <summary>Carries a <see cref="Errors.Failure"/> out of a use case that is not on the hot path.</summary>
public sealed class FailureException : Exception
{
    public FailureException(Failure failure)
        : base(failure?.Detail) => Failure = failure ?? throw new ArgumentNullException(nameof(failure));

    public FailureException()
        : this(new Failure(FailureCodes.Internal, "Unknown failure."))
    {
    }

    public FailureException(string message)
        : this(new Failure(FailureCodes.Internal, message))
    {
    }

    public FailureException(string message, Exception innerException)
        : base(message, innerException) => Failure = new Failure(FailureCodes.Internal, message);

    public Failure Failure { get; }
}
