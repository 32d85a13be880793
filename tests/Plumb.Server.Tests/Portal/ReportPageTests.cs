namespace Plumb.Server.Tests.Portal;

using Plumb.Server.Portal;

// https://plumb.dev/issues/20: the analysis report had no viewport tag and no way back into the portal.
public sealed class ReportPageTests
{
    [Fact]
    public void A_report_served_by_the_portal_gets_a_viewport_tag_and_a_header_back_to_the_portal()
    {
        var page = ReportsEndpoints.WithPortalHeader("<!doctype html><html lang=en><head><meta charset=utf-8><title>R</title></head><body><h1>R</h1></body></html>");

        Assert.Contains("<head><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
        Assert.Matches("<body><header[^>]*><nav aria-label=\"Portal\"><a [^>]*href=\"/\">Processes</a> · <a [^>]*href=\"/reports\">Reports</a></nav></header><h1>", page);
    }

    [Fact]
    public void A_report_that_has_a_viewport_tag_keeps_its_own()
    {
        var page = ReportsEndpoints.WithPortalHeader("<html><head><meta name=viewport content=\"width=device-width\"></head><body></body></html>");

        Assert.Single(page.Split("viewport").Skip(1));
    }
}
