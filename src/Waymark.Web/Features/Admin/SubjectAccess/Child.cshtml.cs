using Microsoft.AspNetCore.Mvc;
using Waymark.Data.Entities;
using Waymark.Domain.People;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.SubjectAccess;

namespace Waymark.Web.Features.Admin.SubjectAccess;

/// <summary>What a child's subject access bundle will hold, and making it, with the council's request reference.</summary>
[AuditChildRefusal("subject access")]
public sealed class ChildModel(SubjectAccessExport export, CurrentUser currentUser, Auditor auditor) : WaymarkPageModel
{
    public const int MaxReferenceLength = 100;

    [BindProperty]
    public string? Reference { get; set; }

    public SubjectAccessPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } notFound)
        {
            return notFound;
        }

        await auditor.RecordNowAsync(AuditActions.ChildViewed, childId, "subject access: what the bundle will include");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        Reference = Reference?.Trim();
        if (string.IsNullOrEmpty(Reference))
        {
            ModelState.AddModelError(nameof(Reference), "Enter the request reference");
        }
        else if (Reference.Length > MaxReferenceLength)
        {
            ModelState.AddModelError(nameof(Reference), $"Request reference must be {MaxReferenceLength} characters or fewer");
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(childId) ?? Page();
        }

        var requester = new SubjectAccessRequester(currentUser.DisplayName, Roles.DisplayName(currentUser.Role), "the Waymark website");
        var bundle = await export.ExportAsync(childId, requester, Reference, HttpContext.RequestAborted);
        return bundle is null ? NotFound() : File(bundle.Zip, "application/zip", bundle.FileName);
    }

    private async Task<IActionResult?> LoadAsync(Guid childId)
    {
        var preview = await export.PreviewAsync(childId, HttpContext.RequestAborted);
        if (preview is null)
        {
            return NotFound();
        }

        Preview = preview;
        return null;
    }
}
