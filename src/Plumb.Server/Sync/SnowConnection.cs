namespace Plumb.Server.Sync;

using System.Text.Json.Serialization;

/// <summary>How a connection signs in to its instance.</summary>
public enum ConnectionAuth
{
    /// <summary>Basic auth with a user and password.</summary>
    Basic,

    /// <summary>OAuth 2.0 at <c>/oauth_token.do</c>: client credentials, or the password grant when a user is set.</summary>
    [JsonStringEnumMemberName("oauth")]
    OAuth,
}

/// <summary>
/// A ServiceNow instance the server syncs from, as stored: everything but the secrets in the clear, the password and client
/// secret together in <see cref="ProtectedSecret"/> (ASP.NET Core Data Protection, keys in the store).
/// </summary>
public sealed record SnowConnection(long Id, string Name, string Instance, ConnectionAuth Auth, string? User, string? ClientId, string ProtectedSecret,
    int ScheduleMinutes, DateTimeOffset CreatedAt, string CreatedBy);
