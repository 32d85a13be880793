namespace Plumb.Mining.Kpis;

using Plumb.Mining.EventLogs;

/// <summary>
/// Per case, hours from one milestone to another (NaN when either is missing or the second comes first). Milestones that are
/// events are kept as the event's place in its case (a byte a case while cases are short; none for the start and the end,
/// which are the case's first and last event), and the hours read from the log's timestamps when asked: 185k cases take
/// ~0.2 MB, not 1.5 MB of doubles. A milestone from a record field has no event, so its hours are kept as they are.
/// </summary>
internal sealed class CaseHours
{
    private readonly EventLog _log;
    private readonly double[]? _values;
    private readonly NarrowCodes? _from, _to;
    private readonly bool _fromEnd, _toEnd;

    /// <summary>Hours between events: a null place is the case's first event (or its last, when the matching flag is set); -1 is none.</summary>
    public CaseHours(EventLog log, NarrowCodes? from, bool fromEnd, NarrowCodes? to, bool toEnd)
    {
        _log = log;
        (_from, _fromEnd, _to, _toEnd) = (from, fromEnd, to, toEnd);
    }

    /// <summary>Hours as they are, per case.</summary>
    public CaseHours(EventLog log, double[] values)
    {
        _log = log;
        _values = values;
    }

    public double this[int c]
    {
        get
        {
            if (_values is { } values) return values[c];
            var (start, end) = (_log.Start(c), _log.End(c));
            if (start == end) return double.NaN;
            var a = _from is { } from ? from[c] : _fromEnd ? end - start - 1 : 0;
            var b = _to is { } to ? to[c] : _toEnd ? end - start - 1 : 0;
            if (a < 0 || b < 0) return double.NaN;
            var (ta, tb) = (_log.Timestamps[start + a], _log.Timestamps[start + b]);
            return tb < ta ? double.NaN : (tb - ta) / (double)TimeSpan.TicksPerHour;
        }
    }
}
