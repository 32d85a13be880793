namespace Plumb.Handbook.Tests.Merge;

using Plumb.Handbook.Merge;

public sealed class LineMergeTests
{
    private const string Base = "a\nb\nc\nd\ne\n";

    [Fact]
    public void Changes_to_different_lines_are_both_kept()
    {
        var merged = LineMerge.Merge(Base, "a\nB\nc\nd\ne\n", "a\nb\nc\nD\ne\n# added\n");

        Assert.Equal("a\nB\nc\nD\ne\n# added\n", merged);
    }

    [Fact]
    public void The_same_line_changed_differently_is_a_conflict()
    {
        Assert.Null(LineMerge.Merge(Base, "a\nmine\nc\nd\ne\n", "a\ntheirs\nc\nd\ne\n"));
    }

    [Fact]
    public void The_same_change_on_both_sides_is_taken_once()
    {
        Assert.Equal("a\nX\nc\nd\ne\n", LineMerge.Merge(Base, "a\nX\nc\nd\ne\n", "a\nX\nc\nd\ne\n"));
    }

    [Fact]
    public void When_one_side_changed_nothing_the_other_side_is_taken_as_it_is()
    {
        Assert.Equal("x\r\ny", LineMerge.Merge(Base, Base, "x\r\ny"));
        Assert.Equal("x\r\ny", LineMerge.Merge(Base, "x\r\ny", Base));
    }
}
