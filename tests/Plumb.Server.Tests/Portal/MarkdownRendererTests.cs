namespace Plumb.Server.Tests.Portal;

using Plumb.Server.Portal;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    public void No_script_gets_through_an_instruction(string markdown)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=", html.Replace("&lt;", "", StringComparison.Ordinal).Replace("onerror=alert", "", StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(href|src)=\"\\s*(javascript|vbscript|data|java\\s)", html);
    }

    [Fact]
    public void Ordinary_Markdown_renders()
    {
        var html = MarkdownRenderer.ToHtml("Set **state** to *Resolved*:\n\n1. one\n2. [guide](https://example.org/g) and [local](/roles/x)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        Assert.Contains("<strong>state</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/g\">guide</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/roles/x\">local</a>", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }
}
