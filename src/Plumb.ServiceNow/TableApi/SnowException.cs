namespace Plumb.ServiceNow.TableApi;

/// <summary>
/// A problem talking to an instance that the user can act on (bad credentials, missing access, an unreachable host,
/// a broken response after every retry); the message is one line and never holds a secret.
/// </summary>
public sealed class SnowException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status code that caused it, when there was one.</summary>
    public int? StatusCode { get; } = statusCode;
}
