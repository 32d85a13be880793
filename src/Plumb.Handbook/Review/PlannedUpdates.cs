namespace Plumb.Handbook.Review;

using System.Globalization;
using Plumb.Handbook.Model;

/// <summary>
/// Carries out a finding's planned update in the record: the finding becomes done, the process version moves on,
/// and the process's change log says what changed and which finding it settled.
/// </summary>
public static class PlannedUpdates
{
    /// <summary>Marks the planned update of finding <paramref name="findingId"/> done on <paramref name="date"/> (yyyy-MM-dd).</summary>
    public static MarkDoneResult MarkDone(Handbook handbook, string findingId, string? date, string? text = null)
    {
        var sites = FindingSite.All(handbook).Where(s => s.Finding.Id == findingId).ToList();
        if (sites.Count == 0)
        {
            var near = Yaml.Suggest.Closest(findingId, FindingSite.All(handbook).Select(s => s.Finding.Id));
            return MarkDoneResult.Failed($"no finding '{findingId}' in the handbook{(near is null ? "" : $" (did you mean '{near}'?)")}");
        }

        if (sites.Count > 1)
        {
            return MarkDoneResult.Failed($"the finding id '{findingId}' is used {sites.Count} times; give each finding its own id first");
        }

        var site = sites[0];
        var finding = site.Finding;
        if (finding.Status == FindingStatus.Done) return MarkDoneResult.Failed($"finding '{findingId}' is already done");
        if (finding.Status == FindingStatus.Rejected) return MarkDoneResult.Failed($"finding '{findingId}' was rejected; reopen it before marking it done");
        if (string.IsNullOrWhiteSpace(finding.PlannedUpdate) && string.IsNullOrWhiteSpace(text))
        {
            return MarkDoneResult.Failed($"finding '{findingId}' has no planned update; record what was changed with a note");
        }

        var process = site.Process;
        var before = process.Version;
        process.Version = NextVersion(before);
        finding.Status = FindingStatus.Done;
        var entry = new ChangeLogEntry
        {
            Version = process.Version,
            Date = date,
            Text = string.IsNullOrWhiteSpace(text) ? $"{finding.PlannedUpdate!.Trim()} ({site.Location})" : text.Trim(),
            Findings = [finding.Id],
        };
        process.ChangeLog.Add(entry);
        return new MarkDoneResult(null, site, before, entry);
    }

    /// <summary>The next minor version: <c>1.0</c> becomes <c>1.1</c>, <c>0.9</c> becomes <c>0.10</c>, <c>2</c> becomes <c>2.1</c>.</summary>
    public static string NextVersion(string version)
    {
        var parts = (version ?? "").Trim().Split('.');
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)) return parts[0] + ".1";
        if (parts.Length > 1 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            parts[^1] = (last + 1).ToString(CultureInfo.InvariantCulture);
            return string.Join('.', parts);
        }

        return string.IsNullOrWhiteSpace(version) ? "0.1" : version.Trim() + ".1";
    }
}
