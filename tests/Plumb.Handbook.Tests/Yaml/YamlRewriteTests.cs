namespace Plumb.Handbook.Tests.Yaml;

using Plumb.Handbook.Samples;
using Plumb.Handbook.Yaml;

public sealed class YamlRewriteTests
{
    private const string Document = "processes/incident.yaml";

    [Fact]
    public void A_changed_field_changes_its_lines_and_the_comments_and_layout_around_it_stay()
    {
        // Given a process file someone keeps in git, with comments, blank lines and a quoted name
        var process = ExampleHandbook.Create("Acme IT").FindProcess("incident")!;
        var written = HandbookYamlWriter.ProcessToString(process);
        var kept = written.Replace("\nprocedures:", "\n\n# Reviewed in March.\nprocedures:", StringComparison.Ordinal)
            .Replace("name: Incident Management", "name: \"Incident Management\"   # as the portal shows it", StringComparison.Ordinal);

        // When one instruction changes in the model
        var changed = HandbookYamlReader.ReadProcess(kept, Document).Value!;
        changed.Procedures[0].Steps[0].Instruction = "Log it while the caller is on the line.";
        var text = YamlRewrite.Process(kept, changed, Document);

        // Then only the instruction's lines differ, and the text reads back as the changed model
        Assert.Contains("\n\n# Reviewed in March.\nprocedures:", text, StringComparison.Ordinal);
        Assert.Contains("name: \"Incident Management\"   # as the portal shows it", text, StringComparison.Ordinal);
        var before = kept.Split('\n');
        Assert.True(text.Split('\n').Except(before, StringComparer.Ordinal).Count() <= 2);
        Assert.Equal(HandbookYamlWriter.ProcessToString(changed), HandbookYamlWriter.ProcessToString(HandbookYamlReader.ReadProcess(text, Document).Value!));
    }

    [Fact]
    public void An_unchanged_model_keeps_the_text_byte_for_byte()
    {
        var process = ExampleHandbook.Create("Acme IT").FindProcess("incident")!;
        var text = "# mine\n" + HandbookYamlWriter.ProcessToString(process).Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(text, YamlRewrite.Process(text, HandbookYamlReader.ReadProcess(text, Document).Value!, Document));
    }
}
