namespace Plumb.Editor.Tests.Browser;

// Browser tests run one after another on one Chromium: each starts a server and signs people in (a deliberately slow hash),
// which on two shared cores is too much to run side by side.
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
