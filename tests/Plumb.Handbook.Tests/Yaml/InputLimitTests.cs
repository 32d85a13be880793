namespace Plumb.Handbook.Tests.Yaml;

using System.Text;
using Plumb.Handbook.Yaml;

public sealed class InputLimitTests
{
    [Fact]
    public void A_value_nested_100000_deep_is_refused_with_a_syntax_error()
    {
        var text = "name: Deep\ndescription: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var result = HandbookYamlReader.ReadHandbook(text);

        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(LoadError.SyntaxCode, error.Code);
        Assert.Contains("nested more than 256 levels", error.Message);
        Assert.Equal(2, error.At!.Value.Line);
    }

    [Fact]
    public void Block_mappings_nested_past_the_limit_are_refused_too()
    {
        var text = new StringBuilder("name: Deep\ndescription:\n");
        for (var i = 1; i <= 300; i++) text.Append(' ', i).Append("k:\n");
        var result = HandbookYamlReader.ReadHandbook(text.ToString());

        Assert.Contains(result.Errors, e => e.Message.Contains("nested more than 256 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Nesting_within_the_limit_is_read()
    {
        var text = "name: Fine\ndrivers: [" + new string('[', 100) + new string(']', 100) + "]\n";
        var result = HandbookYamlReader.ReadHandbook(text);

        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("nested", StringComparison.Ordinal));
    }

    [Fact]
    public void Aliases_that_expand_exponentially_are_refused()
    {
        // Each level names the one above ten times: 10^9 values from a file of a few hundred bytes.
        var text = new StringBuilder("name: Laughs\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++) text.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");

        var result = HandbookYamlReader.ReadHandbook(text.ToString());

        Assert.Null(result.Value);
        Assert.Contains(result.Errors, e => e.Message.Contains("expand to more than 100,000 values", StringComparison.Ordinal));
    }

    [Fact]
    public void A_few_aliases_are_still_allowed()
    {
        var text = "name: Reuse\ndrivers: &d\n  - statement: Fewer outages\nextra: *d\n";
        var result = HandbookYamlReader.ReadHandbook(text);

        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("expand", StringComparison.Ordinal));
    }
}
