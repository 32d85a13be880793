namespace Plumb.ServiceNow.Tests.Simulator;

using Plumb.ServiceNow.Simulator;

public sealed class EncodedQueryTests
{
    private static readonly IReadOnlyDictionary<string, string>[] Rows =
    [
        Row("a", "2", "2025-01-06 08:00:00", "incident"),
        Row("b", "10", "2025-01-07 09:30:00", "problem"),
        Row("c", "7", "2025-01-07 09:30:00", "incident"),
        Row("d", "", "2025-01-08 00:00:00", "change_request"),
    ];

    private static IReadOnlyDictionary<string, string> Row(string id, string state, string updated, string table) =>
        new Dictionary<string, string> { ["sys_id"] = id, ["state"] = state, ["sys_updated_on"] = updated, ["name"] = table };

    private static string[] Ids(string query) => [.. EncodedQuery.Parse(query).Apply(Rows).Select(r => r["sys_id"])];

    [Fact]
    public void Empty_query_matches_every_record_in_stored_order() => Assert.Equal(["a", "b", "c", "d"], Ids(""));

    [Fact]
    public void In_and_not_in_split_the_field_from_its_upper_case_operator()
    {
        Assert.Equal(["a", "c", "d"], Ids("nameINincident,change_request"));
        Assert.Equal(["b"], Ids("nameNOT INincident,change_request"));
    }

    [Fact]
    public void Dates_compare_as_the_table_api_writes_them_and_dategenerate_is_read()
    {
        Assert.Equal(["b", "c", "d"], Ids("sys_updated_on>2025-01-06 08:00:00"));
        Assert.Equal(["a", "b", "c"], Ids("sys_updated_on<javascript:gs.dateGenerate('2025-01-08','00:00:00')"));
        Assert.Equal(["b", "c", "d"], Ids("sys_updated_on>=2025-01-07"));
    }

    [Fact]
    public void Numbers_compare_as_numbers_and_empty_values_never_compare()
    {
        Assert.Equal(["b", "c"], Ids("state>5"));
        Assert.Equal(["a"], Ids("state<5"));
        Assert.Equal(["d"], Ids("stateISEMPTY"));
    }

    [Fact]
    public void Or_binds_to_the_condition_before_and_nq_starts_another_query()
    {
        Assert.Equal(["a", "b"], Ids("state=2^ORstate=10"));
        Assert.Equal(["c"], Ids("name=incident^state=7^ORstate=10"));
        Assert.Equal(["a", "d"], Ids("state=2^NQname=change_request"));
    }

    [Fact]
    public void Order_by_sorts_stably_with_later_keys_breaking_ties()
    {
        Assert.Equal(["d", "b", "c", "a"], Ids("ORDERBYDESCsys_updated_on"));
        Assert.Equal(["a", "c", "b", "d"], Ids("ORDERBYsys_updated_on^ORDERBYDESCsys_id"));
        Assert.Equal(["b", "c"], Ids("sys_updated_on>2025-01-06 08:00:00^sys_updated_on<2025-01-08^ORDERBYsys_updated_on"));
    }

    [Theory]
    [InlineData("state~2", "unknown operator")]
    [InlineData("2state=1", "does not start with a field name")]
    [InlineData("sys_updated_on>javascript:gs.daysAgo(3)", "dateGenerate")]
    [InlineData("ORDERBYnot a field", "is not a field name")]
    public void A_query_it_cannot_read_is_refused_instead_of_matching_more(string query, string message)
    {
        var e = Assert.Throws<FormatException>(() => EncodedQuery.Parse(query));
        Assert.Contains(message, e.Message);
    }
}
