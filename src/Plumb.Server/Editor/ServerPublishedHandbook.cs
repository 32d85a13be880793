namespace Plumb.Server.Editor;

using Plumb.Editor.Services;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;

/// <summary>The server's version history as the editor's publishing target: an approved version becomes a new server version.</summary>
public sealed class ServerPublishedHandbook(HandbookService handbooks) : IPublishedHandbook
{
    private const int Attempts = 3;

    public async Task<Handbook?> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = await handbooks.GetCurrentAsync(cancellationToken);
        return current.Version.Number == 0 ? null : current.Handbook;
    }

    public async Task<string?> PublishAsync(Handbook handbook, string author, string message, CancellationToken cancellationToken)
    {
        var documents = DocumentSet.Write(handbook);
        // The editor's published versions are the authority for what readers see, so a save that raced another one is retried on the new head.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var head = (await handbooks.GetCurrentAsync(cancellationToken)).Version.Number;
            var result = await handbooks.SaveAsync(head, documents, author, message, cancellationToken);
            if (result.Saved is not null) return null;
            if (!result.IsConflict)
                return "the server refused the version: " + string.Join("; ", result.Malformed.Concat(result.Violations).Take(3).Select(d => d.Format()));
        }

        return "the server's handbook kept changing; try again";
    }
}
