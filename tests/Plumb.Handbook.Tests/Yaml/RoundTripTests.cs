namespace Plumb.Handbook.Tests.Yaml;

using CsCheck;
using Plumb.Handbook.Json;
using Plumb.Handbook.Model;
using Plumb.Handbook.Yaml;

public sealed class RoundTripTests
{
    [Fact]
    public void A_written_process_reads_back_as_the_same_model_and_writes_the_same_text()
    {
        HandbookGen.Process.Sample(process =>
        {
            var yaml = HandbookYamlWriter.ProcessToString(process);
            var read = HandbookYamlReader.ReadProcess(yaml, "processes/p.yaml");

            Assert.True(read.Errors.Count == 0, $"{string.Join("; ", read.Errors.Select(e => e.Format()))}\n{yaml}");
            Assert.Equal(Json(process), Json(read.Value!));
            Assert.Equal(yaml, HandbookYamlWriter.ProcessToString(read.Value!));
        }, iter: 200);
    }

    [Fact]
    public void A_written_handbook_reads_back_as_the_same_model_and_writes_the_same_text()
    {
        HandbookGen.Handbook.Sample(handbook =>
        {
            var yaml = HandbookYamlWriter.HandbookToString(handbook);
            var read = HandbookYamlReader.ReadHandbook(yaml);

            Assert.True(read.Errors.Count == 0, $"{string.Join("; ", read.Errors.Select(e => e.Format()))}\n{yaml}");
            Assert.Equal(HandbookJson.Serialize(handbook), HandbookJson.Serialize(read.Value!));
            Assert.Equal(yaml, HandbookYamlWriter.HandbookToString(read.Value!));
        }, iter: 200);
    }

    private static string Json(Process process) => System.Text.Json.JsonSerializer.Serialize(process, HandbookJson.Options);
}
