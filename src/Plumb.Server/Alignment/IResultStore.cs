namespace Plumb.Server.Alignment;

using Plumb.Server.History;

/// <summary>What a result is of: the data (source, revision), the handbook version, and the process and procedure (empty for a whole-handbook kind).</summary>
/// <param name="Source">The ticket data source, <c>connection/acme</c> or <c>upload/3</c>.</param>
/// <param name="Kind"><see cref="ResultKinds.Analysis"/>, <see cref="ResultKinds.Drift"/> or <see cref="ResultKinds.Run"/>.</param>
/// <param name="Process">The process id; empty for drift and runs.</param>
/// <param name="Procedure">The procedure id; empty for drift and runs.</param>
/// <param name="HandbookVersion">The handbook version the result was computed against.</param>
/// <param name="Revision">The source revision (sync or upload number) it was computed from.</param>
public sealed record ResultKey(string Source, string Kind, string Process, string Procedure, long HandbookVersion, long Revision);

/// <summary>The kinds of stored results.</summary>
public static class ResultKinds
{
    /// <summary>Mapping coverage, conformance, KPIs and step practice of one procedure (the figures of <c>plumb analyze</c>).</summary>
    public const string Analysis = "analysis";

    /// <summary>Configuration drift of the whole handbook against the configuration synced with the data.</summary>
    public const string Drift = "drift";

    /// <summary>One computation of a source against a handbook version: done, or failed with its error.</summary>
    public const string Run = "run";
}

/// <summary>A stored result: its key, when it was computed, the data it came from, its figures (JSON) or the error that stopped it.</summary>
public sealed record StoredResult(long Id, ResultKey Key, DateTimeOffset At, TicketDataInfo Data, string? Figures, string? Error);

/// <summary>A result to store; <paramref name="Report"/> is the gzip-compressed JSON report (what <c>plumb analyze -o x.json</c> writes).</summary>
public sealed record NewResult(ResultKey Key, DateTimeOffset At, TicketDataInfo Data, string? Figures, byte[]? Report, string? Error);

/// <summary>The value of one KPI in one period (<c>2026-03</c>), as last computed, with the version and revision it came from.</summary>
public sealed record KpiPeriodValue(string Source, string Process, string Kpi, string Period, double? Value, int Cases, string? Status,
    long HandbookVersion, long Revision, DateTimeOffset At);

/// <summary>Something that turned red since the previous computation: a KPI or a drift item.</summary>
public sealed record NewsItem(long Id, DateTimeOffset At, string Source, string Process, string Kind, string Subject, string Title, string Detail,
    long HandbookVersion, long Revision);

/// <summary>Where results are kept (the server's store); several instances share them.</summary>
public interface IResultStore
{
    /// <summary>
    /// Stores the results of one computation in one transaction: result rows, the KPI values of the periods it covers (upserted;
    /// other periods are kept) and its news. False, and nothing written, when a result of the same key is stored already (another
    /// instance computed the same data against the same version first).
    /// </summary>
    Task<bool> SaveResultsAsync(IReadOnlyList<NewResult> results, IReadOnlyList<KpiPeriodValue> kpiValues, IReadOnlyList<NewsItem> news,
        CancellationToken cancellationToken);

    /// <summary>True when a result of exactly this key is stored.</summary>
    Task<bool> HasResultAsync(ResultKey key, CancellationToken cancellationToken);

    /// <summary>The newest result of every source, kind, process and procedure, without reports.</summary>
    Task<IReadOnlyList<StoredResult>> ListLatestResultsAsync(CancellationToken cancellationToken);

    /// <summary>Every result of a process (and the runs and drift of every source), oldest first, without reports.</summary>
    Task<IReadOnlyList<StoredResult>> ListResultsAsync(string process, CancellationToken cancellationToken);

    /// <summary>One result by id, without its report, or null.</summary>
    Task<StoredResult?> FindResultAsync(long id, CancellationToken cancellationToken);

    /// <summary>The compressed JSON report of a result, or null.</summary>
    Task<byte[]?> GetResultReportAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every KPI value per period, ordered by source, process, KPI and period.</summary>
    Task<IReadOnlyList<KpiPeriodValue>> ListKpiValuesAsync(CancellationToken cancellationToken);

    /// <summary>News, newest first.</summary>
    Task<IReadOnlyList<NewsItem>> ListNewsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The id of the newest stored result (0 when none): it changes whenever results change, on any instance.</summary>
    Task<long> LatestResultIdAsync(CancellationToken cancellationToken);
}
