namespace Plumb.Benchmarks.Mining;

using System.Globalization;
using System.Text;

/// <summary>
/// A log shaped like the BPI "receipt" export the issue measured (15 columns: nine case attributes, instance, activity,
/// lifecycle, group, resource, timestamp; ISO timestamps with microseconds and a +01:00/+02:00 offset; some empty fields),
/// generated with a fixed seed so every run reads the same bytes, and a Petri net of its main path for <c>plumb conform --pnml</c>.
/// </summary>
public static class ReceiptWorkload
{
    private const string Header = "case:channel,case:concept:name,case:deadline,case:department,case:enddate,case:enddate_planned,case:group,"
        + "case:responsible,case:startdate,concept:instance,concept:name,lifecycle:transition,org:group,org:resource,time:timestamp";

    private static readonly string[] MainPath =
    [
        "Confirmation of receipt", "T02 Check confirmation of receipt", "T04 Determine confirmation of receipt",
        "T05 Print and send confirmation of receipt", "T06 Determine necessity of stop advice", "T10 Determine necessity to stop indication",
    ];

    // The receipt log's most frequent variants (as steps of the main path or other activities), with their weights.
    private static readonly (int Weight, string[] Activities)[] Variants =
    [
        (50, MainPath),
        (9, ["Confirmation of receipt", "T06 Determine necessity of stop advice", "T10 Determine necessity to stop indication"]),
        (8, ["Confirmation of receipt"]),
        (6, ["Confirmation of receipt", "T02 Check confirmation of receipt", "T04 Determine confirmation of receipt", "T05 Print and send confirmation of receipt"]),
        (5, ["Confirmation of receipt", "T02 Check confirmation of receipt", "T06 Determine necessity of stop advice", "T10 Determine necessity to stop indication"]),
        (4, ["Confirmation of receipt", "T02 Check confirmation of receipt", "T03 Adjust confirmation of receipt", "T02 Check confirmation of receipt",
            "T04 Determine confirmation of receipt", "T05 Print and send confirmation of receipt", "T06 Determine necessity of stop advice",
            "T10 Determine necessity to stop indication"]),
        (4, ["Confirmation of receipt", "T06 Determine necessity of stop advice", "T02 Check confirmation of receipt", "T04 Determine confirmation of receipt",
            "T05 Print and send confirmation of receipt", "T06 Determine necessity of stop advice", "T10 Determine necessity to stop indication"]),
        (3, ["Confirmation of receipt", "T02 Check confirmation of receipt", "T04 Determine confirmation of receipt", "T05 Print and send confirmation of receipt",
            "T06 Determine necessity of stop advice", "T10 Determine necessity to stop indication", "T11 Create document X request unlicensed",
            "T12 Check document X request unlicensed", "T14 Determine document X request unlicensed", "T15 Print document X request unlicensed"]),
        (3, ["Confirmation of receipt", "T06 Determine necessity of stop advice", "T07-1 Draft intern advice aspect 1", "T08 Draft and send request for advice",
            "T09-1 Process or receive external advice from party 1", "T10 Determine necessity to stop indication", "T16 Report reasons to hold request",
            "T17 Check report Y to stop indication", "T19 Determine report Y to stop indication", "T20 Print report Y to stop indication"]),
    ];

    private static readonly string[] Channels = ["Internet", "Internet", "Internet", "Internet", "Internet", "Internet", "Internet", "Desk", "Post", "e-mail"];
    private static readonly string[] Departments = ["General", "General", "General", "General", "General", "General", "General", "General", "Experts", "Customer contact"];

    /// <summary>The CSV bytes of a log of about <paramref name="events"/> events.</summary>
    public static byte[] GenerateCsv(int events, int seed = 7)
    {
        var random = new Random(seed);
        var total = Variants.Sum(v => v.Weight);
        var text = new StringBuilder(events * 290);
        text.Append(Header).Append('\n');
        var start = new DateTime(2010, 10, 4, 8, 0, 0, DateTimeKind.Unspecified);
        var written = 0;
        var task = 40_000;
        for (var c = 0; written < events; c++)
        {
            var pick = random.Next(total);
            var variant = Variants[0].Activities;
            foreach (var (weight, activities) in Variants)
            {
                if (pick < weight)
                {
                    variant = activities;
                    break;
                }

                pick -= weight;
            }

            var opened = start.AddMinutes(c * 3.1 + random.Next(60));
            var caseId = "case-" + (10_000 + c).ToString(CultureInfo.InvariantCulture);
            var channel = Channels[random.Next(Channels.Length)];
            var department = Departments[random.Next(Departments.Length)];
            var caseGroup = random.Next(3) == 0 ? "" : "Group " + (2 + random.Next(10)).ToString(CultureInfo.InvariantCulture);
            var responsible = "Resource" + random.Next(1, 49).ToString("00", CultureInfo.InvariantCulture);
            var deadline = Iso(opened.AddDays(56));
            var ended = random.Next(14) == 0 ? "" : Iso(opened.AddDays(20 + random.Next(30)));
            var time = opened.AddMinutes(3);
            foreach (var activity in variant)
            {
                var group = random.Next(5) == 0 ? "EMPTY" : "Group " + (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
                var resource = "Resource" + random.Next(1, 49).ToString("00", CultureInfo.InvariantCulture);
                text.Append(channel).Append(',').Append(caseId).Append(',').Append(deadline).Append(',').Append(department).Append(',')
                    .Append(ended).Append(',').Append(deadline).Append(',').Append(caseGroup).Append(',').Append(responsible).Append(',')
                    .Append(Iso(opened)).Append(",task-").Append(task++).Append(',').Append(activity).Append(",complete,")
                    .Append(group).Append(',').Append(resource).Append(',').Append(Iso(time)).Append('\n');
                time = time.AddSeconds(random.Next(30, 20 * 3600)).AddTicks(random.Next(10_000_000) / 1000 * 1000);
                written++;
            }
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>A Petri net (PNML) of the main path, a sequence of six transitions labelled with the activities.</summary>
    public static string MainPathPnml()
    {
        var net = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pnml><net id=\"receipt\" type=\"http://www.pnml.org/version-2009/grammar/pnmlcoremodel\"><page id=\"p\">\n");
        for (var i = 0; i <= MainPath.Length; i++)
        {
            net.Append($"<place id=\"p{i}\">").Append(i == 0 ? "<initialMarking><text>1</text></initialMarking>" : "").Append("</place>\n");
        }

        for (var i = 0; i < MainPath.Length; i++)
        {
            net.Append($"<transition id=\"t{i}\"><name><text>{MainPath[i]}</text></name></transition>\n");
            net.Append($"<arc id=\"a{i}in\" source=\"p{i}\" target=\"t{i}\"/><arc id=\"a{i}out\" source=\"t{i}\" target=\"p{i + 1}\"/>\n");
        }

        return net.Append($"</page><finalmarkings><marking><place idref=\"p{MainPath.Length}\"><text>1</text></place></marking></finalmarkings></net></pnml>\n").ToString();
    }

    /// <summary>
    /// Writes a handbook for <c>plumb analyze</c> into <paramref name="folder"/>: one process, "receipt", whose procedure is the
    /// main path (each step mapped to its activity) with three KPIs (a median duration by month, a ratio, a count by month).
    /// </summary>
    public static void WriteHandbook(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "processes"));
        File.WriteAllText(Path.Combine(folder, "handbook.yaml"), HandbookYaml);
        File.WriteAllText(Path.Combine(folder, "processes", "receipt.yaml"), ProcessYaml);
    }

    private const string HandbookYaml = """
        plumb: 1
        name: Receipt handling
        description: How the municipality confirms the receipt of an application.
        roles:
          - id: clerk
            name: Clerk
            holders: [Front office]
            groups: [Group 1, Group 2, Group 3, Group 4]
          - id: team-lead
            name: Team lead
            holders: [Back office lead]
        records:
          - id: application
            name: Application
        """;

    private const string ProcessYaml = """
        id: receipt
        name: Receipt confirmation
        owner: team-lead
        status: draft
        version: "1.0"
        purpose: Confirm every application's receipt and decide whether it must be stopped.
        kpis:
          - id: time-to-send
            name: Median time to send the confirmation
            definition: The median time from receipt to sending the confirmation, per month.
            measure: median duration from start to step:send by period(month)
            unit: hours
            target: 48
            direction: lower
          - id: checked
            name: Confirmations checked
            definition: The share of applications whose confirmation was checked.
            measure: ratio where has step:check
            unit: '%'
            target: 90
            direction: higher
          - id: stop-decided
            name: Stop decisions a month
            definition: How many applications had the stop indication decided each month.
            measure: count where has step:stop-indication by period(month)
            unit: applications
            target: 5000
            direction: higher
        procedures:
          - id: confirm-receipt
            name: Confirm the receipt of an application
            purpose: Send the applicant a confirmation and decide on stop advice.
            trigger: An application arrives.
            steps:
              - id: receive
                name: Confirm receipt
                instruction: Register the application.
                raci: {responsible: clerk, accountable: team-lead}
                tool: {activities: [Confirmation of receipt]}
                next: check
              - id: check
                name: Check the confirmation
                instruction: Check the confirmation of receipt.
                raci: {responsible: clerk, accountable: team-lead}
                tool: {activities: [T02 Check confirmation of receipt]}
                next: determine
              - id: determine
                name: Determine the confirmation
                instruction: Determine the confirmation of receipt.
                raci: {responsible: clerk, accountable: team-lead}
                tool: {activities: [T04 Determine confirmation of receipt]}
                next: send
              - id: send
                name: Print and send the confirmation
                instruction: Print and send the confirmation of receipt.
                raci: {responsible: clerk, accountable: team-lead}
                tool: {activities: [T05 Print and send confirmation of receipt]}
                next: stop-advice
              - id: stop-advice
                name: Determine the necessity of stop advice
                instruction: Decide whether stop advice is needed.
                raci: {responsible: clerk, accountable: team-lead}
                tool: {activities: [T06 Determine necessity of stop advice]}
                next: stop-indication
              - id: stop-indication
                name: Determine the necessity to stop
                instruction: Decide whether the application must be stopped.
                raci: {responsible: clerk, accountable: team-lead}
                tool: {activities: [T10 Determine necessity to stop indication]}
                next: end
        """;

    // The receipt export's form: 2011-10-11 13:45:40.276000+02:00, summer time from April to October.
    private static string Iso(DateTime local) =>
        local.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + (local.Month is >= 4 and <= 10 ? "+02:00" : "+01:00");
}
