using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Web.Auditing;

namespace Waymark.Web.Features.EarlyHelp.Assessment;

/// <summary>A child's worksheet, downloaded (never shown inline) by someone who may see the plan it belongs to.</summary>
public sealed class AttachmentModel(WaymarkDbContext db, EarlyHelpGate gate, Auditor auditor) : PlanPageModel(gate)
{
    public async Task<IActionResult> OnGetAsync(Guid id, int attachmentId)
    {
        if (await OpenAsync(id, $"worksheet {attachmentId}") is IActionResult refused)
        {
            return refused;
        }

        // Scoped through the plan: an attachment of another family's plan is not found here.
        var attachment = await db.SelfAssessmentAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && db.SelfAssessments.Any(s => s.Id == a.SelfAssessmentId && s.PlanId == id))
            .SingleOrDefaultAsync();
        if (attachment is null)
        {
            return NotFound();
        }

        foreach (var childId in View.Plan.Members.Where(m => m.ChildId is not null).Select(m => m.ChildId).Distinct().DefaultIfEmpty())
        {
            auditor.Record(AuditActions.EarlyHelpPlanDownloaded, childId, $"early help plan {id}: worksheet {attachment.Id} {attachment.FileName}");
        }

        await db.SaveChangesAsync();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(attachment.Content, attachment.ContentType, attachment.FileName);
    }
}
