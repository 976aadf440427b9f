namespace Canteen.Core.Shared;

/// <summary>
/// An illegal change to the domain. <see cref="Code"/> is the stable, machine-readable reason that the edge
/// turns into a problem response; aggregates throw instead of silently ignoring a bad request.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message) => Code = code;

    public DomainException()
        : this("domain_error", "The change is not allowed.")
    {
    }

    public DomainException(string message)
        : this("domain_error", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException) => Code = "domain_error";

    public string Code { get; }
}
