namespace Plumb.Modelling.Layout;

using Plumb.Modelling.Bpmn;

// Puts each label at the first candidate position that overlaps no shape and no label placed before it.
internal sealed class LabelPlacer
{
    public List<Bounds> Obstacles { get; } = [];

    public Bounds Place(IReadOnlyList<Bounds> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (IsFree(candidate)) return Take(candidate);
        }

        // Nothing free among the preferred spots: slide the first one down until it is.
        var slide = candidates[0];
        for (var i = 0; i < 40 && !IsFree(slide); i++) slide = slide with { Y = slide.Y + 8 };
        return Take(slide);
    }

    private bool IsFree(Bounds candidate) => !Obstacles.Exists(o => o.Overlaps(candidate));

    private Bounds Take(Bounds bounds)
    {
        Obstacles.Add(bounds);
        return bounds;
    }
}
