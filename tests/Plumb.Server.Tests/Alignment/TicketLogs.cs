namespace Plumb.Server.Tests.Alignment;

using System.Globalization;
using System.Text;
using Plumb.Handbook.Model;
using Plumb.Server.Handbooks;
using Plumb.Server.Tests.Support;

/// <summary>Small incident exports whose figures a test controls, and the test handbook with a KPI that such a log cannot measure.</summary>
public static class TicketLogs
{
    /// <summary>
    /// A ServiceNow-style CSV (one row per record update) of <paramref name="cases"/> incidents opened in <paramref name="month"/>:
    /// New with the Service Desk, In Progress after <paramref name="resolveHours"/> (the resolve step starts), Resolved half an hour later.
    /// The example handbook's "median time to resolve" is then <paramref name="resolveHours"/> hours.
    /// </summary>
    public static string Csv(DateTime month, double resolveHours, int cases = 12, int firstNumber = 1)
    {
        var csv = new StringBuilder("number,state,sys_updated_on,assignment_group,sys_updated_by,priority\n");
        for (var i = 0; i < cases; i++)
        {
            var number = $"INC{firstNumber + i:D7}";
            var opened = month.AddDays(1 + (i % 20)).AddHours(9);
            void Row(string state, DateTime at, string by) =>
                csv.Append(CultureInfo.InvariantCulture, $"{number},{state},{at:yyyy-MM-dd HH:mm:ss},Service Desk,{by},{1 + (i % 3)}\n");
            Row("1", opened, "ann");
            Row("2", opened.AddHours(resolveHours), i % 2 == 0 ? "bob" : "cy");
            Row("6", opened.AddHours(resolveHours + 0.5), "bob");
        }

        return csv.ToString();
    }

    /// <summary>The test handbook, its incident process also holding a KPI no log without closures can measure.</summary>
    public static Plumb.Handbook.Model.Handbook Handbook()
    {
        var handbook = TestHandbooks.Create();
        handbook.FindProcess("incident")!.Kpis.Add(new Kpi
        {
            Id = "time-to-close", Name = "Median time to close", Measure = "median duration from start to step:close", Unit = "hours", Target = 48,
            Direction = KpiDirection.Lower,
        });
        return handbook;
    }

    /// <summary>The documents of <see cref="Handbook"/>, as stored.</summary>
    public static Dictionary<string, string> Documents() => DocumentSet.Write(Handbook());
}
