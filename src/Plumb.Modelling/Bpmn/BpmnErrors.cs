namespace Plumb.Modelling.Bpmn;

/// <summary>Stable codes of problems found while reading BPMN (PLM001–PLM009).</summary>
public static class BpmnErrors
{
    /// <summary>The file is not well-formed XML.</summary>
    public const string MalformedXml = "PLM001";

    /// <summary>The file declares a DTD or entities; refused so nothing is fetched or expanded.</summary>
    public const string DtdRefused = "PLM002";

    /// <summary>The root element is not BPMN 2.0 definitions.</summary>
    public const string NotBpmn = "PLM003";

    /// <summary>An element in the BPMN namespace that BPMN 2.0 does not define.</summary>
    public const string UnknownElement = "PLM004";

    /// <summary>A reference to an id that the file does not define.</summary>
    public const string DanglingReference = "PLM005";

    /// <summary>A coordinate or size that is not a number.</summary>
    public const string BadNumber = "PLM006";

    /// <summary>Two elements with the same id.</summary>
    public const string DuplicateId = "PLM007";

    /// <summary>Something the import into a procedure could not carry over.</summary>
    public const string NotCarried = "PLM008";

    /// <summary>The file is nested too deeply or holds an over-long value (see the limits on <see cref="BpmnReader"/>).</summary>
    public const string TooLarge = "PLM009";
}
