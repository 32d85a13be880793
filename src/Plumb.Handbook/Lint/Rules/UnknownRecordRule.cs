namespace Plumb.Handbook.Lint.Rules;

using Plumb.Handbook.Diagnostics;

/// <summary>An input or output names a record the handbook does not define.</summary>
public sealed class UnknownRecordRule : LintRule
{
    /// <inheritdoc />
    public override string Code => "PLB102";

    /// <inheritdoc />
    public override string Name => "unknown-record";

    /// <inheritdoc />
    public override Severity Severity => Severity.Error;

    /// <inheritdoc />
    public override string Description => "Every record named in an input or output is defined under records in handbook.yaml.";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        var records = context.Handbook.Records.Select(r => r.Id).ToList();
        foreach (var site in context.Flows())
        {
            var record = site.Flow.Record;
            if (record.Length == 0 || context.Handbook.FindRecord(record) is not null) continue;
            var direction = site.IsInput ? "an input" : "an output";
            context.Report(this, site.Process, site.Path + ".record",
                $"{site.Owner} has {direction} '{record}', but handbook.yaml defines no such record{Describe.DidYouMean(record, records)}");
        }
    }
}
