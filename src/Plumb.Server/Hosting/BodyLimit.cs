namespace Plumb.Server.Hosting;

using Microsoft.AspNetCore.Http.Metadata;

/// <summary>
/// The largest body one endpoint accepts, when it is smaller than the server's <see cref="PlumbServerOptions.MaxRequestBodyBytes"/>:
/// a sign-in form or a reader's feedback needs kilobytes, not the megabytes a whole handbook may need.
/// </summary>
public sealed record BodyLimit(long Bytes) : IRequestSizeLimitMetadata
{
    /// <summary>Forms and small JSON requests: sign-in, sign-out, feedback, accounts, tokens.</summary>
    public const long Small = 16 * 1024;

    long? IRequestSizeLimitMetadata.MaxRequestBodySize => Bytes;
}
