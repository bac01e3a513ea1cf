using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Configuration;
using Waymark.Data.Entities;
using Waymark.Domain.Send;
using Waymark.Web.Auditing;
using Waymark.Web.Auth;
using Waymark.Web.Features.Children;
using Waymark.Web.Features.Shared;

namespace Waymark.Web.Features.Send;

/// <summary>Records a plan transferred from another LA when the family moved in, and the letter to the family within 6 weeks.</summary>
public sealed class LaTransferModel(WaymarkDbContext db, ChildGate gate, CurrentUser currentUser, Auditor auditor, TimeProvider clock)
    : SendPageModel(db, gate, currentUser, auditor, clock)
{
    public EhcLaTransfer? Existing { get; private set; }

    [BindProperty]
    public string? FromLocalAuthority { get; set; }

    [BindProperty]
    public DateInput TransferredOn { get; set; } = new();

    [BindProperty]
    public DateInput LetterSentOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string tid)
    {
        if (await LoadAsync(id, tid) is IActionResult refused)
        {
            return refused;
        }

        if (Existing is { } t)
        {
            FromLocalAuthority = t.FromLocalAuthority;
            TransferredOn = DateInput.From(t.TransferredOn);
            LetterSentOn = DateInput.From(t.LetterSentOn);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string tid)
    {
        if (await LoadAsync(id, tid) is IActionResult refused)
        {
            return refused;
        }

        var from = FromLocalAuthority?.Trim();
        if (string.IsNullOrEmpty(from))
        {
            ModelState.AddModelError(nameof(FromLocalAuthority), "Enter the LA the plan came from");
        }
        else if (from.Length > SendLimits.Name)
        {
            ModelState.AddModelError(nameof(FromLocalAuthority), $"The LA's name must be {SendLimits.Name} characters or fewer");
        }

        var transferred = TransferredOn.Parse(ModelState, nameof(TransferredOn), "the date the plan was transferred");
        var letter = LetterSentOn.Parse(ModelState, nameof(LetterSentOn), "the date the letter was sent", required: false);
        if (transferred is DateOnly t && t > TodayDate)
        {
            ModelState.AddModelError(nameof(TransferredOn), "The date the plan was transferred must be today or in the past");
        }

        if (transferred is DateOnly tt && AnnualReviews.FollowUpProblem("the letter was sent", letter, tt, "the transfer", TodayDate) is string problem)
        {
            ModelState.AddModelError(nameof(LetterSentOn), problem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var transfer = Existing is null ? null : await Db.EhcLaTransfers.SingleAsync(x => x.Id == Existing.Id);
        if (transfer is null)
        {
            transfer = new EhcLaTransfer { ChildId = id, FromLocalAuthority = from!, CreatedByUserId = CurrentUser.Id, CreatedAtUtc = UtcNow };
            Db.EhcLaTransfers.Add(transfer);
        }

        transfer.FromLocalAuthority = from!;
        transfer.TransferredOn = transferred!.Value;
        transfer.LetterSentOn = letter;
        Auditor.Record(AuditActions.SendChanged, id, $"Plan transferred from {from} on {transferred:yyyy-MM-dd}{(letter is null ? "" : $", letter sent {letter:yyyy-MM-dd}")}");
        await Db.SaveChangesAsync();
        Flash(letter is null ? $"Transfer saved: write to the family by {EhcTimescales.TransferLetterDueOn(transferred.Value):d MMMM yyyy}" : "Transfer saved");
        return Redirect(ChildPath);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string tid)
    {
        (var refused, Existing) = await OpenRecordAsync(id, "LA transfer", tid, c => c.LaTransfers, r => r.Id);
        return refused;
    }
}
