namespace Plumb.Handbook.Review;

/// <summary>The order and wording of the review workbook's chapters, shared by every document format.</summary>
public static class ReviewLayout
{
    /// <summary>The step-2 table's column headings.</summary>
    public static readonly string[] StepColumns =
        ["#", "Step", "Necessary", "Efficient", "Responsible", "Role in place", "Inputs from", "Outputs to", "Findings", "Planned updates"];

    /// <summary>The KPI table's column headings.</summary>
    public static readonly string[] KpiColumns = ["KPI", "Definition", "Measure", "Target", "CSF"];

    /// <summary>The role coverage table's column headings.</summary>
    public static readonly string[] CoverageColumns = ["Role", "In place", "Holders", "Steps as R or A", "Issue"];

    /// <summary>The data-flow map's column headings.</summary>
    public static readonly string[] FlowColumns = ["From", "Record", "To", "Note", "Status"];

    /// <summary>The findings register's column headings.</summary>
    public static readonly string[] FindingColumns = ["Id", "Where", "Finding", "Severity", "Planned update", "Owner", "Status"];

    /// <summary>Writes the whole workbook to a document.</summary>
    public static void Write(ReviewWorkbook workbook, IDocumentWriter document)
    {
        document.Heading(1, workbook.Title);
        if (!string.IsNullOrWhiteSpace(workbook.Description)) document.Paragraph(workbook.Description);

        document.Heading(2, "1. Process review");
        foreach (var process in workbook.Processes) Process(process, document);

        document.Heading(2, "2. Procedure review");
        foreach (var process in workbook.Processes)
        {
            document.Heading(3, process.Name);
            foreach (var procedure in process.Procedures)
            {
                document.Heading(4, procedure.Name);
                document.Facts([("Purpose", procedure.Purpose), ("Trigger", procedure.Trigger), ("Outcome", procedure.Outcome)]);
                document.Table(StepColumns, [.. procedure.Steps.Select(StepCells)]);
            }
        }

        document.Heading(2, "3. RACI matrix");
        foreach (var matrix in workbook.Raci)
        {
            document.Heading(4, $"{matrix.Procedure} ({matrix.Process})");
            document.Table(["Role", .. matrix.Steps], [.. matrix.Roles.Select((role, i) => (IReadOnlyList<string>)[role, .. matrix.Cells[i]])]);
        }

        document.Heading(2, "4. Role coverage");
        document.Table(CoverageColumns, [.. workbook.Coverage.Select(CoverageCells)]);

        document.Heading(2, "5. Data-flow map");
        document.Table(FlowColumns, [.. workbook.DataFlows.Select(f => (IReadOnlyList<string>)[f.From, f.Record, f.To, f.Note, f.Status])]);

        document.Heading(2, "6. Findings register");
        if (workbook.Findings.Count == 0) document.Paragraph("No findings recorded yet.");
        else document.Table(FindingColumns, [.. workbook.Findings.Select(FindingCells)]);
    }

    /// <summary>The cells of one step-2 row.</summary>
    public static IReadOnlyList<string> StepCells(StepReviewRow s) =>
        [s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Step, s.Necessary, s.Efficient, s.Responsible, s.RoleInPlace,
            s.InputsFrom, s.OutputsTo, s.Findings, s.PlannedUpdates];

    /// <summary>The cells of one role coverage row.</summary>
    public static IReadOnlyList<string> CoverageCells(RoleCoverageRow r) =>
        [r.Role, r.InPlace, r.Holders, r.ResponsibleOrAccountable.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Issue];

    /// <summary>The cells of one findings register row.</summary>
    public static IReadOnlyList<string> FindingCells(FindingRow f) => [f.Id, f.Where, f.Text, f.Severity, f.PlannedUpdate, f.Owner, f.Status];

    private static void Process(ProcessReview process, IDocumentWriter document)
    {
        document.Heading(3, process.Name);
        document.Facts(
        [
            ("Owner", process.Owner), ("Status", process.Status), ("Version", process.Version),
            ("Mission", process.Mission), ("Purpose", process.Purpose), ("Scope", process.Scope),
        ]);
        document.Bullets("Organisational drivers", process.Drivers);
        document.Bullets("Pain points", process.PainPoints);
        document.Bullets("Objectives", process.Objectives);
        document.Bullets("Principles", process.Principles);
        document.Bullets("Critical success factors", process.Csfs);
        document.Bullets("Triggers", process.Triggers);
        document.Bullets("Inputs", process.Inputs);
        document.Bullets("Outputs", process.Outputs);
        if (process.Kpis.Count > 0)
        {
            document.Table(KpiColumns, [.. process.Kpis.Select(k => (IReadOnlyList<string>)[k.Name, k.Definition, k.Measure, k.Target, k.Csf])]);
        }
    }
}
