namespace Plumb.ServiceNow.TableApi;

/// <summary>What to read from one table: the encoded query, the fields (all when empty), page size and display-value mode.</summary>
public sealed record TableQuery(string Table, string Query, IReadOnlyList<string> Fields, int PageSize = 1000, string DisplayValue = "false")
{
    /// <summary>The relative Table API URL of the page at <paramref name="offset"/>.</summary>
    public string PathAndQuery(long offset)
    {
        var parts = new List<string>
        {
            $"sysparm_query={Uri.EscapeDataString(Query)}",
            $"sysparm_limit={PageSize}",
            $"sysparm_offset={offset}",
            $"sysparm_display_value={DisplayValue}",
        };
        if (Fields.Count > 0) parts.Insert(1, $"sysparm_fields={Uri.EscapeDataString(string.Join(",", Fields))}");
        return $"api/now/table/{Uri.EscapeDataString(Table)}?{string.Join("&", parts)}";
    }
}
