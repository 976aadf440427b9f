namespace Canteen.Engine.Errors;

/// <summary>
/// A setting Canteen cannot run with; its message names the key, the value and what is expected. Thrown at start-up by
/// any project (the Server, the payment adapters), so the Server reports it in one line and exits 2.
/// </summary>
public sealed class InvalidConfigurationException : Exception
{
    public InvalidConfigurationException()
    {
    }

    public InvalidConfigurationException(string message)
        : base(message)
    {
    }

    public InvalidConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
