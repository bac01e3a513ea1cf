using Microsoft.AspNetCore.Mvc;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Send;
using Waymark.Domain.Calendar;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;

namespace Waymark.Web.Features.Send;

/// <summary>Every child with an EHC plan due a phase transfer in this year's round, with status and days left.</summary>
public sealed class PhaseTransfersModel(WaymarkDbContext db, CurrentUser currentUser, Auditor auditor, TimeProvider clock) : WaymarkPageModel
{
    public IReadOnlyList<PhaseTransferRow> Rows { get; private set; } = [];

    public DateOnly TransferOn { get; private set; }

    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!SendAccess.CanView(currentUser.Role))
        {
            await auditor.RecordNowAsync(AuditActions.SendWorklistViewed, detail: "refused: phase transfers, the role does not work on SEND");
            return Forbid();
        }

        var today = Today(clock);
        TransferOn = PhaseTransfers.SeptemberTransferAfter(AcademicYear.Containing(today));
        CanRecord = SendAccess.CanRecord(currentUser.Role);
        Rows = await SendWorklist.PhaseTransfersAsync(db, currentUser.Scope, today);
        await auditor.RecordNowAsync(AuditActions.SendWorklistViewed,
            detail: $"Phase transfers for {TransferOn:MMMM yyyy}: {Rows.Count} children, {Rows.Count(r => r.Overdue)} overdue");
        return Page();
    }
}
