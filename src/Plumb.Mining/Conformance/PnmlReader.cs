namespace Plumb.Mining.Conformance;

using System.Globalization;
using System.Xml;
using System.Xml.Linq;

/// <summary>
/// Reads a place/transition net from PNML (ISO/IEC 15909-2), with DTDs off: places with initial markings, transitions (silent
/// when ProM marks the activity <c>$invisible$</c>, or when the name is empty or starts with <c>tau</c>), arcs with weights,
/// and ProM's <c>finalmarkings</c>; without a final marking, every place without outgoing arcs gets one token.
/// </summary>
public static class PnmlReader
{
    /// <summary>The net, or an error message.</summary>
    public static (PetriNet? Net, string? Error) Read(Stream stream)
    {
        XDocument doc;
        try
        {
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            doc = XDocument.Load(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return (null, $"line {e.LineNumber}: not well-formed XML: {e.Message}");
        }

        var netElement = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "net");
        if (netElement is null) return (null, "not a PNML net: no <net> element");
        var net = new PetriNet();
        var places = new Dictionary<string, int>(StringComparer.Ordinal);
        var transitions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var place in netElement.Descendants().Where(e => e.Name.LocalName == "place" && e.Attribute("id") is not null))
        {
            var id = (string?)place.Attribute("id") ?? $"p{places.Count}";
            places[id] = net.AddPlace(id);
            var initial = Text(place.Elements().FirstOrDefault(e => e.Name.LocalName == "initialMarking"));
            if (int.TryParse(initial, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tokens) && tokens > 0) net.InitialMarking[places[id]] = tokens;
        }

        foreach (var transition in netElement.Descendants().Where(e => e.Name.LocalName == "transition"))
        {
            var id = (string?)transition.Attribute("id") ?? $"t{transitions.Count}";
            var name = Text(transition.Elements().FirstOrDefault(e => e.Name.LocalName == "name"));
            var activity = transition.Elements().FirstOrDefault(e => e.Name.LocalName == "toolspecific")?.Attribute("activity")?.Value;
            var silent = activity == "$invisible$" || string.IsNullOrWhiteSpace(name) || name.StartsWith("tau", StringComparison.OrdinalIgnoreCase);
            transitions[id] = net.AddTransition(id, silent ? null : name!.Trim());
        }

        foreach (var arc in netElement.Descendants().Where(e => e.Name.LocalName == "arc"))
        {
            var source = (string?)arc.Attribute("source") ?? "";
            var target = (string?)arc.Attribute("target") ?? "";
            var weightText = Text(arc.Elements().FirstOrDefault(e => e.Name.LocalName == "inscription"));
            var weight = int.TryParse(weightText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : 1;
            for (var i = 0; i < weight; i++)
            {
                if (places.TryGetValue(source, out var p) && transitions.TryGetValue(target, out var t)) net.AddInput(p, t);
                else if (transitions.TryGetValue(source, out t) && places.TryGetValue(target, out p)) net.AddOutput(t, p);
                else return (null, $"arc '{(string?)arc.Attribute("id")}' joins unknown nodes '{source}' and '{target}'");
            }
        }

        var final = netElement.Descendants().FirstOrDefault(e => e.Name.LocalName == "finalmarkings")?.Descendants().FirstOrDefault(e => e.Name.LocalName == "marking");
        if (final is not null)
        {
            foreach (var place in final.Elements().Where(e => e.Name.LocalName == "place"))
            {
                var id = (string?)place.Attribute("idref") ?? "";
                if (places.TryGetValue(id, out var p) && int.TryParse(Text(place), NumberStyles.Integer, CultureInfo.InvariantCulture, out var tokens) && tokens > 0)
                {
                    net.FinalMarking[p] = tokens;
                }
            }
        }

        if (net.FinalMarking.Count == 0)
        {
            var consumed = new bool[net.Places.Count];
            foreach (var t in net.Transitions)
            {
                foreach (var p in t.Inputs) consumed[p] = true;
            }

            for (var p = 0; p < net.Places.Count; p++)
            {
                if (!consumed[p]) net.FinalMarking[p] = 1;
            }
        }

        return (net, null);
    }

    private static string? Text(XElement? element) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == "text")?.Value ?? element?.Value;
}
