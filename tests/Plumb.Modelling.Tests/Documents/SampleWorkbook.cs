namespace Plumb.Modelling.Tests.Documents;

using Plumb.Handbook.Baseline;
using Plumb.Handbook.Model;
using Plumb.Handbook.Review;

/// <summary>The baseline's workbook with findings and awkward text, so every register has rows and escaping is exercised.</summary>
internal static class SampleWorkbook
{
    public static ReviewWorkbook Create()
    {
        var handbook = BaselineLibrary.Load();
        var incident = handbook.FindProcess("incident")!;
        var log = incident.FindProcedure("handle-incident")!.FindStep("log")!;
        log.Review = new ReviewVerdict { Necessary = true, Efficient = false, Notes = "Agents re-type e-mails." };
        log.Findings.Add(new Finding
        {
            Id = "F-001",
            Text = "Callers wait > 5 min & hang up <often>; \"queue\" is 'long'.\u0001",
            Severity = FindingSeverity.High,
            PlannedUpdate = "Offer a call-back\nin the IVR.",
            Owner = "service-desk-manager",
            Status = FindingStatus.Planned,
        });
        incident.Findings.Add(new Finding { Id = "F-002", Text = "No major incident rota.", Status = FindingStatus.Open });
        handbook.FindRole("major-incident-manager")!.InPlace = false;
        return ReviewWorkbookBuilder.Build(handbook);
    }
}
