namespace Plumb.Mining.Tests.Mapping;

using Plumb.Handbook.Model;
using Plumb.Mining.Mapping;
using Plumb.Mining.Readers;

/// <summary>The step of each event is kept in one byte: every step of the largest procedure it allows maps, a larger one is refused.</summary>
public sealed class ProcedureMappingTests
{
    private static Procedure Chain(int steps) => new()
    {
        Id = "long",
        Name = "Long",
        Steps = [.. Enumerable.Range(0, steps).Select(i => new Step { Id = $"s{i}", Name = $"Step {i}", Tool = new ToolMapping { Activities = [$"A{i}"] } })],
    };

    [Fact]
    public void Every_step_of_the_largest_procedure_maps_in_one_byte_an_event()
    {
        // Given one case through every step of a procedure of the most steps, and an activity of none
        var text = new System.Text.StringBuilder("case,timestamp,activity\n");
        for (var i = 0; i < ProcedureMapping.MaxSteps; i++) text.Append($"c1,2024-01-01T{i / 60:00}:{i % 60:00}:00Z,A{i}\n");
        text.Append("c1,2024-01-02T00:00:00Z,Other\n");
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader(text.ToString())));

        // When
        var mapping = ProcedureMapping.Map(Chain(ProcedureMapping.MaxSteps), log);

        // Then the last step's index is kept as it is, and the other activity maps to none
        Assert.Equal(Enumerable.Range(0, ProcedureMapping.MaxSteps).Append(-1), mapping.StepOfEvent.Select(s => (int)s));
        Assert.Equal(ProcedureMapping.MaxSteps, mapping.MappedEvents);
    }

    [Fact]
    public void A_procedure_of_more_steps_is_refused_with_its_id_and_the_limit()
    {
        var log = SharedData.Succeeded(CsvEventLogReader.Read(new StringReader("case,timestamp,activity\nc1,2024-01-01T00:00:00Z,A0\n")));

        var error = Assert.Throws<InvalidDataException>(() => ProcedureMapping.Map(Chain(ProcedureMapping.MaxSteps + 1), log));

        Assert.Equal($"procedure long has 128 steps: too many to map onto a log (at most {ProcedureMapping.MaxSteps})", error.Message);
    }
}
