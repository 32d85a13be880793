namespace Plumb.Modelling.Tests.Bpmn;

using System.Text.Json;
using Plumb.Modelling.Bpmn;

// bpmn-js reads BPMN through bpmn-moddle; its import warnings are the ones a user would see. bpmnlint checks modelling rules.
public class BpmnJsTests
{
    [Fact]
    public void Every_generated_model_imports_in_bpmn_js_without_warnings_and_passes_bpmnlint()
    {
        // Given every process of every test handbook written as BPMN
        var node = Tools.Require("node", "install Node.js (scripts/install-test-deps.sh)");
        var js = Path.Combine(TestData.RepoRoot, "tests", "Plumb.Modelling.Tests", "js");
        if (!Directory.Exists(Path.Combine(js, "node_modules")))
        {
            var npm = Tools.Require("npm", "install npm (scripts/install-test-deps.sh)");
            var (exit, _, error) = Tools.Run(npm, ["ci", "--no-audit", "--no-fund"], js, 300);
            Assert.True(exit == 0, $"npm ci failed: {error}");
        }

        var folder = Tools.TempDirectory("bpmnjs");
        var files = new List<string>();
        foreach (var (name, handbook, process) in TestData.Processes())
        {
            var file = Path.Combine(folder, $"{BpmnIds.Clean(name)}-{process.Id}.bpmn");
            File.WriteAllText(file, BpmnWriter.ToXml(ProcedureModeller.Model(handbook, process)));
            files.Add(file);
        }

        // When bpmn-moddle reads them and bpmnlint lints them
        var (code, output, stderr) = Tools.Run(node, [Path.Combine(js, "check-bpmn.js"), .. files], js);

        // Then there is nothing to report
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(output);
        var problems = json.RootElement.EnumerateObject()
            .SelectMany(f => f.Value.GetProperty("warnings").EnumerateArray().Concat(f.Value.GetProperty("lint").EnumerateArray())
                .Select(p => $"{Path.GetFileName(f.Name)}: {p.GetString()}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Directory.Delete(folder, recursive: true);
    }
}
