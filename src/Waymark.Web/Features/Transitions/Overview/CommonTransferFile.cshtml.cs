using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Data;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.People;
using Waymark.Web.Auth;
using Waymark.Web.CommonTransfer;

namespace Waymark.Web.Features.Transitions.Overview;

/// <summary>
/// The common transfer file for the receiving school, for those who act for the sending school (from the school) or
/// for the LA (from the LA). Each download is a new file with the next number, in the ledger and the audit.
/// </summary>
public sealed class CommonTransferFileModel(WaymarkDbContext db, TransitionGate gate, CommonTransferFileExport export, CurrentUser currentUser)
    : TransitionPageModel(gate)
{
    public const string ContentType = "application/xml";

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IActionResult OnGet()
    {
        Response.Headers.Allow = "POST";
        return StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await OpenAsync(id, "common transfer file", r => r.SendCommonTransferFile) is IActionResult refused)
        {
            return refused;
        }

        var t = View.Transition;
        if (CtfCodes.WhyNoFileForTransition(t.DestinationSchool is not null, t.DestinationStatus) is string why)
        {
            return Refuse([why]);
        }

        CtfEstablishment source;
        if (Roles.ScopeOf(currentUser.Role) == DataScope.School)
        {
            // The sending school's own staff send from their school, the one the child is on the roll of.
            var school = await db.Schools.FindAsync([currentUser.SchoolId], ct);
            source = CommonTransferFileExport.SchoolSource(school!);
        }
        else
        {
            var (la, problem) = await export.LocalAuthoritySourceAsync(ct);
            if (problem is not null)
            {
                return Refuse([problem]);
            }

            source = la!;
        }

        var destination = CommonTransferFileExport.DestinationFor(t.DestinationSchool!);
        if (await export.ProblemsAsync([t.ChildId], source, destination, ct) is { Count: > 0 } problems)
        {
            return Refuse(problems);
        }

        var file = await export.ExportAsync([t.ChildId], source, destination, new CtfMaker(currentUser.Id, "transition page"), ct: ct);
        return File(file.Content, ContentType, file.FileName);
    }

    private PageResult Refuse(IReadOnlyList<string> problems)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
