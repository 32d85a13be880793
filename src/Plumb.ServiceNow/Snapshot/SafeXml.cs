namespace Plumb.ServiceNow.Snapshot;

using System.Xml;

/// <summary>XML reader settings used for every file from outside: no DTD, no external resolver, no entity expansion.</summary>
public static class SafeXml
{
    /// <summary>Settings that refuse DTDs and resolve nothing.</summary>
    public static XmlReaderSettings Settings(bool fragment = false) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        ConformanceLevel = fragment ? ConformanceLevel.Fragment : ConformanceLevel.Document,
        MaxCharactersFromEntities = 0,
    };
}
