namespace Plumb.Modelling.Layout;

/// <summary>
/// Our own deterministic layered layout, left to right: lanes top to bottom, one column per layer (longest path from the start),
/// rows inside a lane ordered by their predecessors, flows routed orthogonally through the gaps between columns and rows,
/// loops drawn back over the top of their rows. The same graph always gives the same picture.
/// </summary>
public static class LayeredLayout
{
    /// <summary>Lays out the graph.</summary>
    public static LayoutResult Run(LayoutGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var state = new LayoutState(graph);
        state.Rank();
        state.Order();
        state.AssignTracks();
        state.Place();
        state.Route();
        return state.Result;
    }
}
