namespace Plumb.Server.Accounts;

using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Plumb.Server.Storage;

/// <summary>
/// Keeps the keys that sign cookies and anti-forgery tokens in the store, so a cookie one instance issued is
/// accepted by every other instance on the same database.
/// </summary>
public sealed class StoreXmlRepository(IPlumbStore store) : IXmlRepository
{
    // The interface is synchronous; key-ring reads are rare (at start and when keys roll), so blocking is acceptable.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.GetProtectionKeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(x => XElement.Parse(x))];

    public void StoreElement(XElement element, string friendlyName) =>
        store.AddProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), CancellationToken.None).GetAwaiter().GetResult();
}
