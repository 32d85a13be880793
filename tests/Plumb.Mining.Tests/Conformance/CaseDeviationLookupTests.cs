namespace Plumb.Mining.Tests.Conformance;

using System.Globalization;
using System.Text;
using Plumb.Mining.Conformance;
using Plumb.Mining.Readers;

/// <summary>
/// The replay looks each case up among the distinct traces, and its undocumented activities among the lists of its trace, by
/// hashes of its own: on random logs every case gets the figures and deviations it gets replayed alone, and two cases share a
/// list exactly when they follow the same trace with the same activities the net does not know.
/// </summary>
public sealed class CaseDeviationLookupTests
{
    private const string Net = """
        <?xml version="1.0" encoding="UTF-8"?>
        <pnml><net id="n" type="http://www.pnml.org/version-2009/grammar/pnmlcoremodel"><page id="p">
        <place id="p0"><initialMarking><text>1</text></initialMarking></place><place id="p1"/><place id="p2"/><place id="p3"/><place id="p4"/>
        <transition id="t0"><name><text>a</text></name></transition><arc id="a0" source="p0" target="t0"/><arc id="a1" source="t0" target="p1"/>
        <transition id="t1"><name><text>b</text></name></transition><arc id="a2" source="p1" target="t1"/><arc id="a3" source="t1" target="p2"/>
        <transition id="t2"><name><text>c</text></name></transition><arc id="a4" source="p2" target="t2"/><arc id="a5" source="t2" target="p3"/>
        <transition id="t3"><name><text>d</text></name></transition><arc id="a6" source="p3" target="t3"/><arc id="a7" source="t3" target="p4"/>
        </page><finalmarkings><marking><place idref="p4"><text>1</text></place></marking></finalmarkings></net></pnml>
        """;

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 300)]
    [InlineData(3, 1500)]
    public void Every_case_gets_its_own_replay_and_shares_a_list_only_with_its_equals(int seed, int cases)
    {
        // Given a random log over the net's activities and three it does not know (x, y, z)
        var random = new Random(seed);
        string[] activities = ["a", "b", "c", "d", "x", "y", "z"];
        var traces = new List<string[]>();
        for (var c = 0; c < cases; c++)
        {
            // Few distinct shapes, so lists are shared; the unknown activities vary within a shape
            var shape = random.Next(6);
            traces.Add([.. Enumerable.Range(0, 1 + (shape % 5)).Select(i => activities[(shape + i) % 4 == 3 && random.Next(3) == 0 ? 4 + random.Next(3) : (shape + i) % 4])]);
        }

        var net = PnmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Net))).Net!;
        var result = ConformanceChecker.CheckActivities(Log(traces), net);

        // Then each case's figures and deviations are those of the case replayed alone
        var perCase = result.PerCase.ToDictionary(c => c.Case);
        for (var c = 0; c < cases; c++)
        {
            var alone = ConformanceChecker.CheckActivities(Log([traces[c]]), net).PerCase.Single();
            var together = perCase[Id(c)];
            Assert.Equal((alone.Produced, alone.Consumed, alone.Missing, alone.Remaining, alone.Fits), (together.Produced, together.Consumed, together.Missing, together.Remaining, together.Fits));
            Assert.Equal(alone.Deviations.Select(d => (d.Step, d.Kind)).Order(), together.Deviations.Select(d => (d.Step, d.Kind)).Order());
        }

        // And cases share a list exactly when their traces (known labels in place, unknown activities as they are) are equal
        var listOf = ((CaseConformanceList)result.PerCase).Deviations.ListOf;
        var caseOfId = result.PerCase.Select((c, i) => (c.Case, i)).ToDictionary(p => p.Case, p => p.i);
        for (var a = 0; a < cases; a += 7)
        {
            for (var b = a + 1; b < cases; b++)
            {
                Assert.Equal(traces[a].SequenceEqual(traces[b]), listOf[caseOfId[Id(a)]] == listOf[caseOfId[Id(b)]]);
            }
        }
    }

    private static string Id(int c) => "C" + c.ToString("D5", CultureInfo.InvariantCulture);

    private static Plumb.Mining.EventLogs.EventLog Log(IReadOnlyList<string[]> traces)
    {
        var csv = new StringBuilder("case,activity,timestamp\n");
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < traces.Count; c++)
        {
            for (var e = 0; e < traces[c].Length; e++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Id(c)},{traces[c][e]},{start.AddMinutes((c * 10) + e):yyyy-MM-ddTHH:mm:ssZ}\n");
            }
        }

        return SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(csv.ToString())));
    }
}
