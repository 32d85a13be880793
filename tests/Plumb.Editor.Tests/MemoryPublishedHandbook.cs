namespace Plumb.Editor.Tests;

using Plumb.Editor.Services;
using Plumb.Handbook.Lint;
using Plumb.Handbook.Model;

// The server's published history as the editor sees it, kept in memory: refuses handbooks with lint errors, as the server does.
internal sealed class MemoryPublishedHandbook(Handbook initial) : IPublishedHandbook
{
    public List<(Handbook Handbook, string Author, string Message)> Published { get; } = [];

    public Handbook Current { get; private set; } = initial;

    public Task<Handbook?> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult<Handbook?>(Current);

    public Task<string?> PublishAsync(Handbook handbook, string author, string message, CancellationToken cancellationToken)
    {
        var errors = Linter.Check(handbook).Where(d => d.Severity == Plumb.Handbook.Diagnostics.Severity.Error).ToList();
        if (errors.Count > 0) return Task.FromResult<string?>($"refused: {errors[0].Format()}");
        Current = handbook;
        Published.Add((handbook, author, message));
        return Task.FromResult<string?>(null);
    }
}
