using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.EarlyHelp.Document;

/// <summary>The plan as a PDF download, for anyone who may see it. The file name never carries the family's name.</summary>
public sealed class PdfModel(WaymarkDbContext db, EarlyHelpGate gate, Auditor auditor) : PlanPageModel(gate)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "plan PDF") is IActionResult refused)
        {
            return refused;
        }

        var doc = await PlanDocument.LoadAsync(db, View);
        var pdf = PlanPdf.Render(doc);
        doc.Audit(auditor, "downloaded as PDF");
        await db.SaveChangesAsync();
        return File(pdf, "application/pdf", doc.FileName);
    }
}
