using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.Transitions.Passport;

/// <summary>The Transition Passport as a PDF download. The file name never carries the child's name.</summary>
public sealed class PdfModel(WaymarkDbContext db, TransitionGate gate, Auditor auditor) : TransitionPageModel(gate)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenAsync(id, "passport PDF", r => r.SeeShareable) is IActionResult refused)
        {
            return refused;
        }

        var passport = await PassportQuery.LoadAsync(db, View);
        var pdf = PassportPdf.Render(passport);
        await auditor.RecordNowAsync(AuditActions.PassportDownloaded, View.Transition.ChildId, PassportPdf.FileName);
        return File(pdf, "application/pdf", PassportPdf.FileName);
    }
}
