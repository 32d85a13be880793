namespace Plumb.ServiceNow.Embed;

using System.Security.Cryptography;
using System.Text;

/// <summary>Deterministic ServiceNow ids (32 lower-case hex digits), so embedding the same handbook twice updates the same records.</summary>
public static class SysIds
{
    /// <summary>The sys_id for a key such as <c>sys_ui_page:incident</c>.</summary>
    public static string For(string key) =>
#pragma warning disable CA5351 // an identifier, not a security hash
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("plumb:" + key)));
#pragma warning restore CA5351

    /// <summary>Java's <c>String.hashCode</c>, which ServiceNow stores as <c>payload_hash</c>.</summary>
    public static int JavaHash(string text)
    {
        var hash = 0;
        foreach (var c in text) hash = unchecked((31 * hash) + c);
        return hash;
    }
}
